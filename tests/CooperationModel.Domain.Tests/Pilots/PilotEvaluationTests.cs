using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Pilots;
using static CooperationModel.Domain.Pilots.PilotStatus;

namespace CooperationModel.Domain.Tests.Pilots;

/// <summary>A pilot's evaluation: when each part may be recorded, the texts' rules, and what a verdict suggests.</summary>
public class PilotEvaluationTests
{
    private static readonly Actor Coordinator = new(Guid.NewGuid(), Guid.NewGuid(), "Kaisa Koordinaattori");

    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The rule written out from the task independently of the code: (status, reached through evaluation).</summary>
    public static TheoryData<string, PilotStatus, bool, bool, bool> Paths() => new()
    {
        // path                         status            indicators findings verdict
        { "idea",                       Idea,             false,     false,   false },
        { "planned",                    Planned,          true,      false,   false },
        { "running",                    Running,          true,      false,   false },
        { "under evaluation",           UnderEvaluation,  true,      true,    true },
        { "continued",                  Continued,        true,      true,    false },
        { "adopted",                    AdoptedIntoModel, false,     true,    false },
        { "ended after evaluation",     Ended,            false,     true,    false },
        { "ended without evaluation",   Ended,            false,     false,   false },
        { "evaluated again",            UnderEvaluation,  true,      true,    true },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void WhatMayBeRecorded_FollowsTheStatus(string path, PilotStatus status, bool indicators, bool findings, bool verdict)
    {
        var pilot = PilotAlong(path);
        pilot.Status.ShouldBe(status);

        pilot.EvaluationAllowed.ShouldBe(new PilotEvaluationAllowed(indicators, findings, verdict));
        pilot.AddIndicator("Kontaktit", "Yhteydenotot kuukaudessa, tavoite 20", null, null, Coordinator, Now).IsSuccess.ShouldBe(indicators);
        pilot.AddFinding("Yhteistyö parani", Coordinator, Now).IsSuccess.ShouldBe(findings);
        pilot.GiveVerdict(PilotVerdict.Continue, "Tulokset lupaavia", Coordinator, Now).IsSuccess.ShouldBe(verdict);
        pilot.Indicators.Count.ShouldBe(indicators ? 1 : 0);
        pilot.Findings.Count.ShouldBe(findings ? 1 : 0);
        pilot.Verdicts.Count.ShouldBe(verdict ? 1 : 0);
    }

    [Fact]
    public void ARefusalOutsideTheStatus_NamesTheStatus()
    {
        var pilot = PilotAlong("running");

        var finding = pilot.AddFinding("liian aikaisin", Coordinator, Now);
        var verdict = pilot.GiveVerdict(PilotVerdict.End, "liian aikaisin", Coordinator, Now);
        var indicator = PilotAlong("adopted").AddIndicator("Nimi", "Tavoite", null, null, Coordinator, Now);

        (finding.FirstError.Code, finding.FirstError.ArgumentKeys.Single()).ShouldBe(("Pilot.FindingsNotOpen", "PilotStatus.Running"));
        (verdict.FirstError.Code, verdict.FirstError.ArgumentKeys.Single()).ShouldBe(("Pilot.VerdictNotOpen", "PilotStatus.Running"));
        (indicator.FirstError.Code, indicator.FirstError.ArgumentKeys.Single()).ShouldBe(("Pilot.IndicatorsNotOpen", "PilotStatus.AdoptedIntoModel"));
        finding.FirstError.ShouldBeOfType<InvalidTransitionError>();
    }

    [Fact]
    public void AddIndicator_KeepsItsTexts_TrimmedAndWithoutEmptyOptionals()
    {
        var pilot = PilotAlong("planned");

        var added = pilot.AddIndicator("  Kontaktit ", " Yhteydenotot, tavoite 20 ", "  ", " 12 / kk ", Coordinator, Now).Value;

        (added.PilotId, added.Name, added.Target, added.Baseline, added.Result, added.ChangedAt, added.ChangedByName)
            .ShouldBe((pilot.Id, "Kontaktit", "Yhteydenotot, tavoite 20", (string?)null, (string?)"12 / kk", Now, Coordinator.DisplayName));
    }

    [Fact]
    public void AddIndicator_NeedsANameAndATarget_AndSaysSoForEachField()
    {
        var pilot = PilotAlong("planned");

        var result = pilot.AddIndicator(" ", null, null, null, Coordinator, Now);

        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("Pilot.IndicatorNameRequired", "IndicatorName"), ("Pilot.IndicatorTargetRequired", "IndicatorTarget")]);
        pilot.Indicators.ShouldBeEmpty();
    }

    [Fact]
    public void AddIndicator_BoundsItsTexts()
    {
        var pilot = PilotAlong("planned");
        var longShort = new string('a', DevelopmentPilot.MaxShortTextLength + 1);
        var longText = new string('a', DevelopmentPilot.MaxTextLength + 1);

        var result = pilot.AddIndicator(longShort, longText, longShort, longShort, Coordinator, Now);

        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe([
            ("Pilot.ShortTextTooLong", "IndicatorName"), ("Pilot.TextTooLong", "IndicatorTarget"),
            ("Pilot.ShortTextTooLong", "IndicatorBaseline"), ("Pilot.ShortTextTooLong", "IndicatorResult")]);
        result.FirstError.ArgumentKeys.ShouldBe(["200"]);
        pilot.AddIndicator(new string('a', DevelopmentPilot.MaxShortTextLength), "t", null, null, Coordinator, Now).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Asiakas 010190-900P", "x", null, null, "IndicatorName")]
    [InlineData("n", "Asiakas 010190-900P", null, null, "IndicatorTarget")]
    [InlineData("n", "t", "010190-900P", null, "IndicatorBaseline")]
    [InlineData("n", "t", null, "010190-900P", "IndicatorResult")]
    public void AnIndicator_RefusesAnIdentityCodeInAnyText(string name, string target, string? baseline, string? result, string field)
    {
        var pilot = PilotAlong("running");

        var added = pilot.AddIndicator(name, target, baseline, result, Coordinator, Now);

        (added.FirstError.Code, added.FirstError.Field).ShouldBe((PersonalData.ContainsIdentityCodeCode, field));
        pilot.Indicators.ShouldBeEmpty();
    }

    [Fact]
    public void EditIndicator_ChangesItsTexts_AndKeepsItUnchangedOnARefusal()
    {
        var pilot = PilotAlong("running");
        var indicator = pilot.AddIndicator("Kontaktit", "tavoite 20", "10", null, Coordinator, Now).Value;
        var editor = Coordinator with { DisplayName = "Olli Ohjaaja" };

        pilot.EditIndicator(indicator.Id, "Kontaktit", "tavoite 20", "10", "henkilö 131052-308T", editor, Now.AddDays(1))
            .FirstError.Code.ShouldBe(PersonalData.ContainsIdentityCodeCode);
        indicator.Result.ShouldBeNull();
        pilot.EditIndicator(indicator.Id, "Yhteydenotot", "tavoite 25", "10", "22", editor, Now.AddDays(1)).IsSuccess.ShouldBeTrue();

        (indicator.Name, indicator.Target, indicator.Baseline, indicator.Result, indicator.ChangedAt, indicator.ChangedByName)
            .ShouldBe(("Yhteydenotot", "tavoite 25", (string?)"10", (string?)"22", Now.AddDays(1), "Olli Ohjaaja"));
    }

    [Fact]
    public void EditAndRemove_OfAnIndicatorThePilotDoesNotHave_AreNotFound()
    {
        var pilot = PilotAlong("running");
        var other = PilotAlong("running").AddIndicator("Muu", "muu", null, null, Coordinator, Now).Value;

        pilot.EditIndicator(other.Id, "n", "t", null, null, Coordinator, Now).FirstError.Code.ShouldBe("Pilot.IndicatorNotFound");
        pilot.RemoveIndicator(other.Id).FirstError.ShouldBeOfType<NotFoundError>();
    }

    [Fact]
    public void RemoveIndicator_TakesItOut_OnlyWhileIndicatorsAreOpen()
    {
        var pilot = PilotAlong("under evaluation");
        var kept = pilot.AddIndicator("Pidetään", "t", null, null, Coordinator, Now).Value;
        var removed = pilot.AddIndicator("Poistetaan", "t", null, null, Coordinator, Now).Value;

        pilot.RemoveIndicator(removed.Id).Value.ShouldBeSameAs(removed);
        pilot.Indicators.ShouldBe([kept]);

        pilot.ChangeStatus(AdoptedIntoModel, "hyvä", Coordinator, Now).IsSuccess.ShouldBeTrue();
        pilot.RemoveIndicator(kept.Id).FirstError.Code.ShouldBe("Pilot.IndicatorsNotOpen");
        pilot.EditIndicator(kept.Id, "n", "t", null, null, Coordinator, Now).FirstError.Code.ShouldBe("Pilot.IndicatorsNotOpen");
        pilot.Indicators.ShouldBe([kept]);
    }

    [Fact]
    public void AddFinding_KeepsItsDateAndAuthor_AndRefusesAnEmptyOrPersonalText()
    {
        var pilot = PilotAlong("under evaluation");

        pilot.AddFinding("  ", Coordinator, Now).Errors.Select(e => (e.Code, e.Field)).ShouldBe([("Pilot.TextRequired", "Finding")]);
        pilot.AddFinding(new string('a', DevelopmentPilot.MaxTextLength + 1), Coordinator, Now).FirstError.Code.ShouldBe("Pilot.TextTooLong");
        pilot.AddFinding("asiakas 010190-900P kertoi", Coordinator, Now).FirstError.Code.ShouldBe(PersonalData.ContainsIdentityCodeCode);
        pilot.AddFinding("Viitenumero 2018-2019 ei ole tunnus", Coordinator, Now).IsSuccess.ShouldBeTrue();

        pilot.Findings.Select(f => (f.PilotId, f.Text, f.At, f.ByUserId, f.ByName))
            .ShouldBe([(pilot.Id, "Viitenumero 2018-2019 ei ole tunnus", Now, Coordinator.UserId, Coordinator.DisplayName)]);
    }

    [Fact]
    public void GiveVerdict_NeedsAVerdictAndARationale()
    {
        var pilot = PilotAlong("under evaluation");

        pilot.GiveVerdict(null, null, Coordinator, Now).Errors.Select(e => (e.Code, e.Field))
            .ShouldBe([("Pilot.VerdictRequired", "Verdict"), ("Pilot.RationaleRequired", "Rationale")]);
        pilot.GiveVerdict((PilotVerdict)99, "syy", Coordinator, Now).FirstError.Code.ShouldBe("Pilot.VerdictRequired");
        pilot.GiveVerdict(PilotVerdict.End, "asiakas 010190-900P", Coordinator, Now).FirstError.Field.ShouldBe("Rationale");
        pilot.GiveVerdict(PilotVerdict.End, new string('a', DevelopmentPilot.MaxTextLength + 1), Coordinator, Now).FirstError.Code.ShouldBe("Pilot.TextTooLong");
        pilot.Verdicts.ShouldBeEmpty();
    }

    [Fact]
    public void GiveVerdict_KeepsEveryVerdict_TheLastCounts_AndLeavesTheStatusAlone()
    {
        var pilot = PilotAlong("under evaluation");

        pilot.GiveVerdict(PilotVerdict.Continue, "Lisää aikaa", Coordinator, Now).IsSuccess.ShouldBeTrue();
        pilot.GiveVerdict(PilotVerdict.AdoptIntoModel, " Toimii kaikissa kunnissa ", Coordinator, Now.AddDays(1)).IsSuccess.ShouldBeTrue();

        pilot.Status.ShouldBe(UnderEvaluation);
        pilot.Verdicts.Select(v => (v.Verdict, v.Rationale, v.At, v.ByUserId, v.ByName)).ShouldBe([
            (PilotVerdict.Continue, "Lisää aikaa", Now, Coordinator.UserId, Coordinator.DisplayName),
            (PilotVerdict.AdoptIntoModel, "Toimii kaikissa kunnissa", Now.AddDays(1), Coordinator.UserId, Coordinator.DisplayName)]);
        pilot.Verdicts[^1].SuggestedStatus.ShouldBe(AdoptedIntoModel);
    }

    [Theory]
    [InlineData(PilotVerdict.AdoptIntoModel, AdoptedIntoModel)]
    [InlineData(PilotVerdict.Continue, Continued)]
    [InlineData(PilotVerdict.Change, Continued)]
    [InlineData(PilotVerdict.End, Ended)]
    public void EveryVerdict_SuggestsAMoveTheTableAllowsFromEvaluation(PilotVerdict verdict, PilotStatus suggested)
    {
        PilotEvaluationRules.SuggestedStatus(verdict).ShouldBe(suggested);
        PilotStatuses.CanMove(UnderEvaluation, suggested).ShouldBeTrue();
    }

    [Fact]
    public void EveryVerdict_HasASuggestion() =>
        PilotEvaluationRules.All.Select(PilotEvaluationRules.SuggestedStatus).Distinct().Order().ShouldBe([AdoptedIntoModel, Continued, Ended]);

    /// <summary>A pilot brought along <paramref name="path"/> through legal moves only.</summary>
    private static DevelopmentPilot PilotAlong(string path)
    {
        var pilot = DevelopmentPilot.FromCatalog(PilotCatalog.All[0], Idea, PilotCatalog.ModelPublished, "seed");
        PilotStatus[] steps = path switch
        {
            "idea" => [],
            "planned" => [Planned],
            "running" => [Planned, Running],
            "under evaluation" => [Planned, Running, UnderEvaluation],
            "continued" => [Planned, Running, UnderEvaluation, Continued],
            "adopted" => [Planned, Running, UnderEvaluation, AdoptedIntoModel],
            "ended after evaluation" => [Planned, Running, UnderEvaluation, Ended],
            "ended without evaluation" => [Planned, Running, Ended],
            "evaluated again" => [Planned, Running, UnderEvaluation, Continued, UnderEvaluation],
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };
        foreach (var step in steps)
        {
            pilot.ChangeStatus(step, "step", Coordinator, Now).IsSuccess.ShouldBeTrue();
        }

        return pilot;
    }
}
