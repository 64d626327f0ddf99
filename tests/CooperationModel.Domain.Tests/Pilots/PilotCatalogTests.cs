using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Pilots;
using CooperationModel.Domain.Swot;

namespace CooperationModel.Domain.Tests.Pilots;

/// <summary>The shipped pilots and the 2022 analysis, against counts taken by hand from the seeds.</summary>
public class PilotCatalogTests
{
    [Fact]
    public void Pilots_AreTheTwentyOfBothLanguageVersions()
    {
        PilotCatalog.All.Count.ShouldBe(20);
        PilotCatalog.All.Select(p => p.Code).Distinct().Count().ShouldBe(20);
        // Two only in the Finnish version, one only in the Swedish one (its Finnish name is the app's translation).
        PilotCatalog.All.Count(p => p.NameSv is null).ShouldBe(2);
        PilotCatalog.All.Single(p => p.Code == "information-to-kela").Source.ShouldContain("only the Swedish version");
        PilotCatalog.All.ShouldAllBe(p => p.Owners.Count > 0 && p.Stages.Count > 0 && p.Source.Length > 0);
        PilotCatalog.All.First().NameFi.ShouldBe("Kela tukee kuntien neuvoja");
        PilotCatalog.All.Last().NameFi.ShouldBe("Yhteistoimintamallin jalkauttaminen vakuutuspiireihin");
    }

    [Fact]
    public void Pilots_HoldNoIdentityCode_AndTheirMonthsAreInOrder()
    {
        PilotCatalog.All.ShouldAllBe(p => !PersonalData.ContainsIdentityCode(p.NameFi + p.AimFi + p.NameSv + p.AimSv + p.TimetableFi + p.TimetableSv));
        PilotCatalog.All.Where(p => p.StartMonth is not null).ShouldAllBe(p => p.StartMonth!.Value.Day == 1 && p.EndMonth >= p.StartMonth);
        PilotCatalog.All.Single(p => p.Code == "economic-social-work").AreaRegionCodes.ShouldBe(["06", "15"]);
    }

    [Fact]
    public void Analysis2022_HasSixWorkshops_SevenThemes_And52Findings()
    {
        var analysis = SwotCatalog.Instance;

        analysis.Workshops.Count.ShouldBe(6);
        analysis.Workshops.ShouldAllBe(w => w.Month == new DateOnly(2022, 9, 1) && w.Remote);
        analysis.Workshops.Count(w => w.KelaDistrictCode is null).ShouldBe(1);
        analysis.Themes.Count.ShouldBe(7);
        analysis.Themes[1].NameFi.ShouldBe("Huoli-ilmoitukset");
        analysis.Themes[1].Stage.ShouldBe(CaseStage.ReferralToSocialWork);
        // Seed 002: 52 top-level points (27 strengths, 25 weaknesses) with 40 sub-points; no opportunity or threat yet.
        analysis.Findings.Count.ShouldBe(52);
        analysis.Findings.Count(f => f.Kind == SwotKind.Strength).ShouldBe(27);
        analysis.Findings.Count(f => f.Kind == SwotKind.Weakness).ShouldBe(25);
        analysis.Findings.Sum(f => f.SubPoints.Count).ShouldBe(40);
        analysis.Findings.Single(f => f.Code == "2022-3-2-W1").SubPoints.ShouldBe(["Väylä terveydenhuoltoon puuttuu",
            "Sosiaalitoimi toimii tiedon siirtäjänä, mutta ei saa siirrettyä ilmoitusta edelleen esimerkiksi terveydenhuoltoon"]);
    }
}
