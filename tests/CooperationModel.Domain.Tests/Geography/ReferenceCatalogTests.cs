using CooperationModel.Domain.Geography;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Geography;

public class ReferenceCatalogTests
{
    [Fact]
    public void Municipalities_Loaded_Are308Of2025With16OnAland()
    {
        Catalog.Municipalities.Count.ShouldBe(308);
        Catalog.Municipalities.Count(m => m.IsOnAland).ShouldBe(16);
        Catalog.Municipalities.Count(m => !m.IsOnAland).ShouldBe(292);
    }

    [Fact]
    public void Municipalities_Loaded_MatchTheRawFileRowForRow() =>
        Catalog.Municipalities.Select(m => m.Code).ShouldBe(MunicipalitiesCsv.Rows.Select(r => r["code"]));

    [Fact]
    public void Municipalities_Codes_AreUniqueThreeDigitStrings()
    {
        Catalog.Municipalities.Select(m => m.Code).ShouldBeUnique();
        Catalog.Municipalities.ShouldAllBe(m => m.Code.Length == 3 && m.Code.All(char.IsAsciiDigit));
    }

    [Fact]
    public void Regions_Loaded_Are18MainlandPlusAland()
    {
        Catalog.Regions.Count.ShouldBe(19);
        Catalog.Regions.Select(r => r.Code).ShouldBeUnique();
        Catalog.Regions.Count(r => r.IsAland).ShouldBe(1);
        Catalog.Regions.Single(r => r.IsAland).Code.ShouldBe(Region.AlandCode);
    }

    [Fact]
    public void KelaDistricts_Loaded_AreTheFive()
    {
        Catalog.KelaDistricts.Select(d => d.Code)
            .ShouldBe(["etelainen", "lantinen", "keskinen", "itainen", "pohjoinen"], ignoreOrder: true);
    }

    [Fact]
    public void Organisers_Loaded_Are21CountiesHelsinkiAnd16AlandMunicipalities()
    {
        Catalog.Organisers.Count.ShouldBe(38);
        Catalog.Organisers.Select(o => o.Code).ShouldBeUnique();
        Catalog.Organisers.Count(o => o.Type == OrganiserType.WellbeingServicesCounty).ShouldBe(21);
        Catalog.Organisers.Single(o => o.Type == OrganiserType.CityOfHelsinki).Code.ShouldBe("90");
        Catalog.Organisers.Count(o => o.Type == OrganiserType.AlandMunicipality).ShouldBe(16);
    }

    [Fact]
    public void Organisers_WellbeingCounties_AreCoded01To21()
    {
        var expected = Enumerable.Range(1, 21).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture));

        Catalog.Organisers.Where(o => o.Type == OrganiserType.WellbeingServicesCounty).Select(o => o.Code)
            .ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public void Municipalities_Every_MapsToExistingOrganiserDistrictAndRegion()
    {
        var organisers = Catalog.Organisers.Select(o => o.Code).ToHashSet();
        var districts = Catalog.KelaDistricts.Select(d => d.Code).ToHashSet();
        var regions = Catalog.Regions.Select(r => r.Code).ToHashSet();

        Catalog.Municipalities.Where(m => !organisers.Contains(m.OrganiserCode)).Select(m => m.Code).ShouldBeEmpty();
        Catalog.Municipalities.Where(m => !districts.Contains(m.KelaDistrictCode)).Select(m => m.Code).ShouldBeEmpty();
        Catalog.Municipalities.Where(m => !regions.Contains(m.RegionCode)).Select(m => m.Code).ShouldBeEmpty();
    }

    [Fact]
    public void Organisers_Every_OrganisesAtLeastOneMunicipality()
    {
        var used = Catalog.Municipalities.Select(m => m.OrganiserCode).ToHashSet();

        Catalog.Organisers.Where(o => !used.Contains(o.Code)).Select(o => o.Code).ShouldBeEmpty();
    }

    [Fact]
    public void Organisers_OnAland_AreTheAlandMunicipalitiesThemselves() =>
        Catalog.Organisers.Where(o => o.Type == OrganiserType.AlandMunicipality).Select(o => o.Code)
            .ShouldBe(Catalog.Municipalities.Where(m => m.IsOnAland).Select(m => m.Code), ignoreOrder: true);

    [Theory]
    [InlineData("etelainen", 51)]
    [InlineData("lantinen", 81)]
    [InlineData("keskinen", 74)]
    [InlineData("itainen", 43)]
    [InlineData("pohjoinen", 59)]
    public void Municipalities_PerKelaDistrict_MatchSourcesTable(string district, int count) =>
        Catalog.Municipalities.Count(m => m.KelaDistrictCode == district).ShouldBe(count);

    [Fact]
    public void Regions_Every_LiesWhollyInOneKelaDistrict() =>
        Catalog.Municipalities.GroupBy(m => m.RegionCode)
            .Where(g => g.Select(m => m.KelaDistrictCode).Distinct().Count() != 1)
            .Select(g => g.Key)
            .ShouldBeEmpty();

    [Fact]
    public void Organisers_Every_LiesWhollyInOneRegion() =>
        Catalog.Municipalities.GroupBy(m => m.OrganiserCode)
            .Where(g => g.Select(m => m.RegionCode).Distinct().Count() != 1)
            .Select(g => g.Key)
            .ShouldBeEmpty();

    [Theory]
    [InlineData(LanguageStatus.Finnish, 259)]
    [InlineData(LanguageStatus.FinnishAndSwedish, 18)]
    [InlineData(LanguageStatus.Swedish, 16)]
    [InlineData(LanguageStatus.SwedishAndFinnish, 15)]
    public void Municipalities_PerLanguageStatus_MatchSources(LanguageStatus status, int count) =>
        Catalog.Municipalities.Count(m => m.LanguageStatus == status).ShouldBe(count);

    [Fact]
    public void Municipalities_MonolingualSwedish_AreExactlyTheAlandOnes() =>
        Catalog.Municipalities.Where(m => m.LanguageStatus == LanguageStatus.Swedish).Select(m => m.Code)
            .ShouldBe(Catalog.Municipalities.Where(m => m.IsOnAland).Select(m => m.Code), ignoreOrder: true);

    [Theory]
    [InlineData("091", "Helsinki", "Helsingfors", "01", LanguageStatus.FinnishAndSwedish, "etelainen", true)]
    [InlineData("853", "Turku", "Åbo", "02", LanguageStatus.FinnishAndSwedish, "lantinen", true)]
    [InlineData("564", "Oulu", "Uleåborg", "17", LanguageStatus.Finnish, "pohjoinen", false)]
    [InlineData("288", "Kruunupyy", "Kronoby", "15", LanguageStatus.SwedishAndFinnish, "lantinen", true)]
    [InlineData("478", "Maarianhamina", "Mariehamn", "21", LanguageStatus.Swedish, "lantinen", false)]
    public void FindMunicipality_KnownCode_ReturnsItsData(
        string code, string nameFi, string nameSv, string region, LanguageStatus language, string district, bool bilingual)
    {
        var municipality = Catalog.FindMunicipality(code).ShouldNotBeNull();

        municipality.NameFi.ShouldBe(nameFi);
        municipality.NameSv.ShouldBe(nameSv);
        municipality.RegionCode.ShouldBe(region);
        municipality.LanguageStatus.ShouldBe(language);
        municipality.KelaDistrictCode.ShouldBe(district);
        municipality.IsBilingual.ShouldBe(bilingual);
    }

    [Theory]
    [InlineData("588")] // Pertunmaa, merged into Mäntyharju on 1.1.2025
    [InlineData("91")]
    [InlineData("000")]
    [InlineData("")]
    public void FindMunicipality_UnknownCode_ReturnsNull(string code) =>
        Catalog.FindMunicipality(code).ShouldBeNull();

    [Fact]
    public void Instance_Twice_IsTheSameCatalog() =>
        ReferenceCatalog.Instance.ShouldBeSameAs(ReferenceCatalog.Instance);
}
