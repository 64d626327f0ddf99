using CooperationModel.Domain.Geography;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Referrals;

public class RoutingTests
{
    /// <summary>Every municipality row of the raw file: code, name, region and wellbeing county columns.</summary>
    public static TheoryData<string, string, string, string> EveryMunicipality()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in MunicipalitiesCsv.Rows)
        {
            data.Add(row["code"], row["name_fi"], row["region_code"], row["wellbeing_county_code"]);
        }

        return data;
    }

    [Fact]
    public void EveryMunicipality_RawFile_Has308Rows() =>
        EveryMunicipality().Count.ShouldBe(308);

    [Theory]
    [MemberData(nameof(EveryMunicipality))]
    public void RouteFor_EveryMunicipality_GoesToTheOrganiserOfItsWellbeingCountyColumn(
        string code, string name, string regionCode, string countyCode)
    {
        var municipality = Municipality(code);
        municipality.NameFi.ShouldBe(name);

        var organiser = Routing.RouteFor(municipality);

        if (regionCode == "21")
        {
            countyCode.ShouldBeEmpty();
            organiser.Type.ShouldBe(OrganiserType.AlandMunicipality);
            organiser.Code.ShouldBe(code);
            organiser.NameFi.ShouldBe(name);
        }
        else
        {
            organiser.Code.ShouldBe(countyCode);
            organiser.Type.ShouldBe(countyCode == "90" ? OrganiserType.CityOfHelsinki : OrganiserType.WellbeingServicesCounty);
        }
    }

    [Theory]
    [InlineData("091", "Helsinki", "90", OrganiserType.CityOfHelsinki)]
    [InlineData("049", "Espoo", "03", OrganiserType.WellbeingServicesCounty)]
    [InlineData("092", "Vantaa", "04", OrganiserType.WellbeingServicesCounty)]
    [InlineData("245", "Kerava", "04", OrganiserType.WellbeingServicesCounty)]
    [InlineData("837", "Tampere", "08", OrganiserType.WellbeingServicesCounty)]
    [InlineData("564", "Oulu", "19", OrganiserType.WellbeingServicesCounty)]
    [InlineData("288", "Kruunupyy", "17", OrganiserType.WellbeingServicesCounty)]
    [InlineData("478", "Maarianhamina", "478", OrganiserType.AlandMunicipality)]
    public void RouteFor_KnownMunicipality_GoesToExpectedOrganiser(string code, string name, string organiserCode, OrganiserType type)
    {
        var municipality = Municipality(code);
        municipality.NameFi.ShouldBe(name);

        var organiser = Routing.RouteFor(municipality);

        organiser.Code.ShouldBe(organiserCode);
        organiser.Type.ShouldBe(type);
    }

    [Fact]
    public void RouteFor_Helsinki_GoesToCityOfHelsinkiNotAWellbeingCounty()
    {
        var organiser = Routing.RouteFor(Helsinki);

        organiser.NameFi.ShouldBe("Helsingin kaupunki");
        organiser.NameSv.ShouldBe("Helsingfors stad");
        organiser.NameEn.ShouldBe("City of Helsinki");
    }

    [Fact]
    public void RouteFor_Mariehamn_GoesToTheMunicipalityItself()
    {
        var organiser = Routing.RouteFor(Municipality("478"));

        organiser.NameSv.ShouldBe("Mariehamn");
        organiser.Type.ShouldBe(OrganiserType.AlandMunicipality);
    }
}
