using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Model;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Tests.Model;

/// <summary>The shipped model v1.0 against the seeds it comes from (counts as SOURCES.md gives them).</summary>
public sealed class CooperationModelContentTests
{
    private static ModelVersionContent V1 => CooperationModelContent.V1;

    [Fact]
    public void V1_Loads_TheSeedsVersionAndDate()
    {
        V1.Version.ShouldBe("1.0");
        V1.Published.ShouldBe(new DateOnly(2018, 3, 27));
        V1.Name.Fi.ShouldBe("Kela-Kunta yhteistoimintamalli");
        V1.Name.Sv.ShouldNotBeNull();
    }

    [Fact]
    public void V1_Stages_AreTheAppsSixInOrder() =>
        V1.Stages.Select(s => s.Stage).ShouldBe(CaseStages.All);

    [Fact]
    public void V1_EveryStage_HasTitleInBothLanguagesAndActors()
    {
        foreach (var stage in V1.Stages)
        {
            stage.Title.Fi.ShouldNotBeNullOrWhiteSpace();
            stage.Title.Sv.ShouldNotBeNullOrWhiteSpace();
            stage.Actors.ShouldNotBeEmpty();
            stage.Actors.ShouldAllBe(a => !a.Tasks.IsEmpty);
        }
    }

    [Fact]
    public void V1_Ideas_CountAsTheFinnishSeedNumbersThem()
    {
        V1.Stages.Select(s => s.Ideas.Count).ShouldBe([5, 5, 0, 2, 3, 0]);
        V1.Stages.SelectMany(s => s.Ideas).ShouldAllBe(i => i.Fi != null);
    }

    [Fact]
    public void V1_Guidance_HasEveryActorOfTheSeed()
    {
        var actors = V1.Stage(CaseStage.Guidance).Actors.Select(a => a.Actor).Distinct();
        actors.ShouldBe([ModelActor.Kela, ModelActor.Municipality, ModelActor.ServicePoint, ModelActor.WellbeingServicesCounty, ModelActor.NgosAndParishes]);
    }

    [Fact]
    public void V1_ClientTypes_AreTheFourWithSharesSummingTo100()
    {
        V1.ClientTypes.Select(c => c.Type).ShouldBe(ClientTypes.All);
        V1.ClientTypes.Sum(c => c.Share).ShouldBe(100);
        V1.ClientTypes.Select(c => c.Name.Fi).ShouldBe(["Daniel Digityyppi", "Virpi Välineetön", "Pirkko Pelaaja", "Teemu Toimintakyky"]);
    }

    [Fact]
    public void V1_EnvironmentTypes_AreFour() =>
        V1.EnvironmentTypes.Select(e => e.Type).ShouldBe(Enum.GetValues<OperatingEnvironmentType>());

    [Fact]
    public void V1_Grounds_CoverEveryGroundButTheImmigrantOne()
    {
        V1.Grounds.Count.ShouldBe(5);
        ReferralGrounds.All.Where(g => V1.GroundFor(g) is null).ShouldBe([ReferralGround.ImmigrantOverTwoMonths]);
        V1.Grounds.SelectMany(g => g.Grounds).ShouldBeUnique();
    }

    [Theory]
    [InlineData(ReferralGround.BasicAmountReduced, "Suunnitelma itsenäisen suoriutumisen edistämiseksi")]
    [InlineData(ReferralGround.UnemployedUnder25FourMonths, "Aktivointisuunnitelma")]
    [InlineData(ReferralGround.ObviousNeedForSocialCare, "Asiakassuunnitelma")]
    public void V1_Ground_ExpectsThePlanTheAppExpects(ReferralGround ground, string plan) =>
        V1.GroundFor(ground)!.Plan!.Fi.ShouldBe(plan);

    [Fact]
    public void V1_Legislation_IsTheSevenActsOfTheSwedishSeed()
    {
        V1.Legislation.Count.ShouldBe(7);
        V1.Legislation.Single(l => l.Number == "1412/1997").Amendments.ShouldBe(["815/2015", "1107/2016"]);
        V1.Legislation.ShouldAllBe(l => l.Name.Fi != null && l.Name.Sv != null);
    }

    [Fact]
    public void V1_DevelopmentAreas_AreThree() =>
        V1.DevelopmentAreas.Select(a => a.Area).ShouldBe(Enum.GetValues<DevelopmentArea>());

    [Fact]
    public void LocalText_MissingLanguage_FallsBackToFinnishAndSaysSo()
    {
        var text = new LocalText(Fi: "suomeksi", Sv: "på svenska");
        text.In("sv").ShouldBe(new InLanguage<string>("på svenska", "sv"));
        text.In("en").ShouldBe(new InLanguage<string>("suomeksi", "fi"));
        new LocalText(Sv: "bara svenska").In("fi").ShouldBe(new InLanguage<string>("bara svenska", "sv"));
    }

    [Fact]
    public void LocalList_EmptyInLanguage_FallsBack() =>
        new LocalList(Fi: [], Sv: ["a"]).In("fi").Language.ShouldBe("sv");

    [Fact]
    public void StageTexts_OfFirstVersion_ListsActorsTasksAndIdeasInTheLanguage()
    {
        var (text, ideas) = StageTexts.Of(V1.Stage(CaseStage.Guidance), "fi");
        text.ShouldContain("Kela (Perusteena järjestäjän rooli, TotuL 4 §):");
        text.ShouldContain("- Kela.fi, verkkopalvelut, some-kanavat, esitteet");
        ideas.Split('\n').Length.ShouldBe(5);
        StageTexts.Of(V1.Stage(CaseStage.Decision), "sv").Ideas.ShouldBeEmpty();
    }
}
