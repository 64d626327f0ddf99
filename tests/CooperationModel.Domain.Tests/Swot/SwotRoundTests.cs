using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Swot;

namespace CooperationModel.Domain.Tests.Swot;

/// <summary>A recorded analysis round's rules: required and bounded texts, no identity code, codes unique, workshops of the round.</summary>
public sealed class SwotRoundTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_NeedsACodeOfLettersAndDigits_ATitleAndAMonth_AndAFreeCode()
    {
        var round = SwotRound.Create("2025", "Kevään 2025 työpajat", new DateOnly(2025, 3, 14), ["2022"], At).Value;
        round.Month.ShouldBe(new DateOnly(2025, 3, 1));
        round.Source.ShouldBe(SwotRound.AppSource);
        round.Shipped.ShouldBeFalse();
        round.Published.ShouldBeFalse();

        SwotRound.Create("2022", "x", new DateOnly(2025, 3, 1), ["2022"], At).ShouldFailWith<ConflictError>("Swot.RoundCodeTaken", "Code");
        SwotRound.Create("2025-b", "x", new DateOnly(2025, 3, 1), [], At).ShouldFailWith<ValidationError>("Swot.RoundCodeInvalid", "Code");
        SwotRound.Create(" ", "x", new DateOnly(2025, 3, 1), [], At).ShouldFailWith<ValidationError>("Swot.CodeRequired", "Code");
        var empty = SwotRound.Create("2025", " ", null, [], At);
        empty.Errors.Select(e => e.Code).ShouldBe(["Swot.TitleRequired", "Swot.MonthRequired"]);
        SwotRound.Create("2025", new string('a', SwotRound.TitleMaxLength + 1), new DateOnly(2025, 3, 1), [], At).ShouldFailWith<ValidationError>("Swot.TitleTooLong", "TitleFi");
        SwotRound.Create("2025", "Työpaja 010190-900P", new DateOnly(2025, 3, 1), [], At).ShouldFailWith<ValidationError>(PersonalData.ContainsIdentityCodeCode, "TitleFi");
    }

    [Fact]
    public void TheShippedRound_IsReadOnly()
    {
        var shipped = SwotRound.FromCatalog(SwotCatalog.Instance);
        shipped.Code.ShouldBe(SwotCatalog.Round2022);
        shipped.Month.ShouldBe(new DateOnly(2022, 9, 1));
        shipped.Published.ShouldBeTrue();

        shipped.Edit("Uusi", new DateOnly(2022, 9, 1)).ShouldFailWith<InvalidTransitionError>("Swot.ShippedReadOnly");
        shipped.Publish().ShouldFailWith<InvalidTransitionError>("Swot.ShippedReadOnly");
        shipped.AddTheme("Teema", CaseStage.Guidance, []).ShouldFailWith<InvalidTransitionError>("Swot.ShippedReadOnly");
        shipped.AddWorkshop(new SwotWorkshopInput("x", "etelainen", [], new DateOnly(2022, 9, 1), true), []).ShouldFailWith<InvalidTransitionError>("Swot.ShippedReadOnly");
        shipped.AddFinding(Input("S1"), [], [], []).ShouldFailWith<InvalidTransitionError>("Swot.ShippedReadOnly");
        shipped.CheckRemoveFinding().ShouldFailWith<InvalidTransitionError>("Swot.ShippedReadOnly");
    }

    [Fact]
    public void Workshops_AreADistrictOrNamedMunicipalities_WithACodeFreeInTheRound()
    {
        var round = NewRound();
        var district = round.AddWorkshop(new SwotWorkshopInput("etelainen", "etelainen", [], new DateOnly(2025, 3, 20), true), []).Value;
        district.AnalysisCode.ShouldBe("2025");
        district.Month.ShouldBe(new DateOnly(2025, 3, 1));
        round.AddWorkshop(new SwotWorkshopInput("pks", null, ["091", "049"], new DateOnly(2025, 3, 1), false), [district]).IsSuccess.ShouldBeTrue();

        round.AddWorkshop(new SwotWorkshopInput("etelainen", "itainen", [], new DateOnly(2025, 3, 1), true), [district]).ShouldFailWith<ConflictError>("Swot.WorkshopCodeTaken", "WorkshopCode");
        round.AddWorkshop(new SwotWorkshopInput("x", null, [], new DateOnly(2025, 3, 1), true), []).ShouldFailWith<ValidationError>("Swot.WorkshopPlaceRequired", "Place");
        round.AddWorkshop(new SwotWorkshopInput("x", "etelainen", ["091"], new DateOnly(2025, 3, 1), true), []).ShouldFailWith<ValidationError>("Swot.WorkshopPlaceTwice", "Place");
        round.AddWorkshop(new SwotWorkshopInput("x", "no-such", [], new DateOnly(2025, 3, 1), true), []).ShouldFailWith<ValidationError>("Swot.UnknownDistrict", "Place");
        round.AddWorkshop(new SwotWorkshopInput("x", null, ["999"], new DateOnly(2025, 3, 1), true), []).ShouldFailWith<ValidationError>("Swot.UnknownMunicipality", "Place");
        round.AddWorkshop(new SwotWorkshopInput("X Y", "etelainen", [], new DateOnly(2025, 3, 1), true), []).ShouldFailWith<ValidationError>("Swot.WorkshopCodeInvalid", "WorkshopCode");
    }

    [Fact]
    public void Themes_HaveANameUniqueInTheRound_AndAStage_AndCodesOfTheRound()
    {
        var round = NewRound();
        var first = round.AddTheme("Huoli-ilmoitukset", CaseStage.ReferralToSocialWork, []).Value;
        first.Code.ShouldBe("2025-T1");
        first.Order.ShouldBe(1);
        round.AddTheme("Toinen", CaseStage.Decision, [first]).Value.Code.ShouldBe("2025-T2");

        round.AddTheme("huoli-ilmoitukset", CaseStage.Decision, [first]).ShouldFailWith<ConflictError>("Swot.ThemeNameTaken", "ThemeName");
        round.AddTheme("Teema", null, []).ShouldFailWith<ValidationError>("Swot.StageRequired", "Stage");
        round.AddTheme("Teema 010190-900P", CaseStage.Decision, []).ShouldFailWith<ValidationError>(PersonalData.ContainsIdentityCodeCode, "ThemeName");
        round.EditTheme(first, "Huoli-ilmoitukset ja palaute", CaseStage.Cooperation, [first]).IsSuccess.ShouldBeTrue();
        first.Stage.ShouldBe(CaseStage.Cooperation);
    }

    [Fact]
    public void Findings_HaveCodesUniqueInTheRound_PrefixedWithIt_AndOnlyTheRoundsWorkshops()
    {
        var round = NewRound();
        var theme = round.AddTheme("Teema", CaseStage.Guidance, []).Value;
        var workshop = round.AddWorkshop(new SwotWorkshopInput("etelainen", "etelainen", [], new DateOnly(2025, 3, 1), true), []).Value;
        var other = SwotRound.Create("2026", "Toinen", new DateOnly(2026, 1, 1), [], At).Value;
        var otherWorkshop = other.AddWorkshop(new SwotWorkshopInput("pohjoinen", "pohjoinen", [], new DateOnly(2026, 1, 1), true), []).Value;

        var given = round.AddFinding(Input("S1", theme.Code, ["etelainen"]), [theme], [workshop], []).Value;
        given.Code.ShouldBe("2025-S1");
        given.WorkshopCodes.ShouldBe(["etelainen"]);
        given.Source.ShouldBe(SwotRound.AppSource);
        var generated = round.AddFinding(Input(null, theme.Code) with { Kind = SwotKind.Threat }, [theme], [workshop], [given]).Value;
        generated.Code.ShouldBe("2025-T1");
        SwotRound.RoundOf(generated.Code).ShouldBe("2025");
        SwotRound.LocalCodeOf(generated.Code).ShouldBe("T1");

        round.AddFinding(Input("s1", theme.Code), [theme], [workshop], [given]).ShouldFailWith<ConflictError>("Swot.FindingCodeTaken", "LocalCode");
        round.AddFinding(Input("S2", theme.Code, ["pohjoinen"]), [theme], [workshop, otherWorkshop], [given]).ShouldFailWith<ValidationError>("Swot.WorkshopNotInRound", "WorkshopCodes");
        var otherTheme = other.AddTheme("Muu", CaseStage.Guidance, []).Value;
        round.AddFinding(Input("S2", otherTheme.Code), [theme, otherTheme], [workshop], [given]).ShouldFailWith<ValidationError>("Swot.ThemeNotInRound", "ThemeCode");
    }

    [Fact]
    public void AFinding_RefusesAnIdentityCode_InItsText_SubPoints_OrSource_AndSaysEveryError()
    {
        var round = NewRound();
        var theme = round.AddTheme("Teema", CaseStage.Guidance, []).Value;

        round.AddFinding(Input("S1", theme.Code) with { Text = "Asiakas 010190-900P soitti" }, [theme], [], [])
            .ShouldFailWith<ValidationError>(PersonalData.ContainsIdentityCodeCode, "Text");
        round.AddFinding(Input("S1", theme.Code) with { SubPoints = ["ok", "010190-900P"] }, [theme], [], [])
            .ShouldFailWith<ValidationError>(PersonalData.ContainsIdentityCodeCode, "SubPoints");
        round.AddFinding(Input("S1", theme.Code) with { Source = "muistio 010190-900P" }, [theme], [], [])
            .ShouldFailWith<ValidationError>(PersonalData.ContainsIdentityCodeCode, "Source");
        // A reference that only looks like a code passes.
        round.AddFinding(Input("S1", theme.Code) with { Text = "Kokous 2018-2019, dnro 010190-9001" }, [theme], [], []).IsSuccess.ShouldBeTrue();

        var all = round.AddFinding(new SwotFindingInput("bad code", null, null, "", [new string('x', SwotRound.TextMaxLength + 1)], [], new string('s', SwotRound.SourceMaxLength + 1)), [theme], [], []);
        all.Errors.Select(e => e.Field).ShouldBe(["LocalCode", "ThemeCode", "Kind", "Text", "SubPoints", "Source"]);
    }

    [Fact]
    public void EditingAFinding_KeepsItsCode_AndRemovingWhatFindingsName_IsRefused()
    {
        var round = NewRound();
        var theme = round.AddTheme("Teema", CaseStage.Guidance, []).Value;
        var workshop = round.AddWorkshop(new SwotWorkshopInput("etelainen", "etelainen", [], new DateOnly(2025, 3, 1), true), []).Value;
        var finding = round.AddFinding(Input("W1", theme.Code, ["etelainen"]) with { Kind = SwotKind.Weakness }, [theme], [workshop], []).Value;

        round.EditFinding(finding, Input("other", theme.Code, ["etelainen"]) with { Text = "Uusi teksti", Kind = SwotKind.Opportunity }, [theme], [workshop]).IsSuccess.ShouldBeTrue();
        finding.Code.ShouldBe("2025-W1");
        finding.TextFi.ShouldBe("Uusi teksti");
        finding.Kind.ShouldBe(SwotKind.Opportunity);
        round.CheckRemoveTheme(theme, [finding]).ShouldFailWith<InvalidTransitionError>("Swot.ThemeInUse");
        round.CheckRemoveWorkshop(workshop, [finding]).ShouldFailWith<InvalidTransitionError>("Swot.WorkshopInUse");
        round.EditFinding(finding, Input(null, theme.Code), [theme], [workshop]).IsSuccess.ShouldBeTrue();
        round.CheckRemoveWorkshop(workshop, [finding]).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Publish_OnceOnly()
    {
        var round = NewRound();
        round.Publish().IsSuccess.ShouldBeTrue();
        round.Published.ShouldBeTrue();
        round.Publish().ShouldFailWith<InvalidTransitionError>("Swot.AlreadyPublished");
    }

    [Theory]
    [InlineData("S", SwotKind.Strength)]
    [InlineData("w", SwotKind.Weakness)]
    [InlineData(" O ", SwotKind.Opportunity)]
    [InlineData("T", SwotKind.Threat)]
    public void KindInitials_ReadBack(string initial, SwotKind kind)
    {
        SwotRound.KindFromInitial(initial).ShouldBe(kind);
        SwotRound.KindFromInitial(SwotRound.KindInitial(kind).ToString()).ShouldBe(kind);
        SwotRound.KindFromInitial("X").ShouldBeNull();
    }

    private static SwotRound NewRound() => SwotRound.Create("2025", "Kevään 2025 työpajat", new DateOnly(2025, 3, 1), ["2022"], At).Value;

    private static SwotFindingInput Input(string? code, string? theme = null, IReadOnlyList<string>? workshops = null) =>
        new(code, theme, SwotKind.Strength, "Yhteistyö toimii", ["alakohta"], workshops ?? [], null);
}
