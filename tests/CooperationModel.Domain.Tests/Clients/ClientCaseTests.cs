using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Clients;

public class ClientCaseTests
{
    private readonly Actor _handler = Member(Southern, "Kaisa Käsittelijä");

    [Fact]
    public void Open_ValidInput_OpensCaseInTheHandlersDistrict()
    {
        var result = ClientCase.Open(_handler, Southern, "  Maija Meikäläinen ", IdentityCode, Helsinki, Now);

        result.IsSuccess.ShouldBeTrue();
        var clientCase = result.Value;
        clientCase.Id.ShouldNotBe(Guid.Empty);
        clientCase.OrganisationId.ShouldBe(Southern.Id);
        clientCase.ClientName.ShouldBe("Maija Meikäläinen");
        clientCase.IdentityCode.ShouldBe(IdentityCode);
        clientCase.HomeMunicipalityCode.ShouldBe("091");
        clientCase.OpenedAt.ShouldBe(Now);
        clientCase.OpenedByUserId.ShouldBe(_handler.UserId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Open_BlankName_FailsWithClientNameRequired(string name) =>
        ShouldFailWith(Open(name, Helsinki), "Case.ClientNameRequired", "ClientName");

    [Fact]
    public void Open_NameOfMaxLength_Succeeds() =>
        Open(new string('a', ClientCase.ClientNameMaxLength), Helsinki).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Open_NameLongerThanMax_FailsWithClientNameTooLong() =>
        ShouldFailWith(Open(new string('a', ClientCase.ClientNameMaxLength + 1), Helsinki), "Case.ClientNameTooLong", "ClientName");

    [Fact]
    public void Open_MaxLengthNameWithSurroundingSpaces_Succeeds() =>
        Open($"  {new string('a', ClientCase.ClientNameMaxLength)}  ", Helsinki).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData("478")] // Maarianhamina - Mariehamn
    [InlineData("035")] // Brändö
    [InlineData("941")] // Vårdö
    public void Open_AlandMunicipality_FailsWithMunicipalityOnAland(string code)
    {
        // The Western district would be the Åland municipalities' district, so only the Åland rule can refuse.
        var handler = Member(Western, "Ville Västinen");
        Municipality(code).KelaDistrictCode.ShouldBe(Western.Code);

        var result = ClientCase.Open(handler, Western, "Maija Meikäläinen", IdentityCode, Municipality(code), Now);

        ShouldFailWith(result, "Case.MunicipalityOnAland", "HomeMunicipalityCode");
    }

    [Theory]
    [InlineData("837")] // Tampere, Keskinen
    [InlineData("564")] // Oulu, Pohjoinen
    [InlineData("853")] // Turku, Läntinen
    public void Open_MunicipalityOfAnotherDistrict_FailsWithMunicipalityInOtherDistrict(string code) =>
        ShouldFailWith(Open("Maija Meikäläinen", Municipality(code)), "Case.MunicipalityInOtherDistrict", "HomeMunicipalityCode");

    [Fact]
    public void Open_NonKelaOrganisationOfTheActor_FailsWithNotAKelaDistrict()
    {
        var worker = Member(CityOfHelsinki, "Sanna Sosiaalityöntekijä");

        var result = ClientCase.Open(worker, CityOfHelsinki, "Maija Meikäläinen", IdentityCode, Helsinki, Now);

        result.FirstError.ShouldBeOfType<ForbiddenError>().Code.ShouldBe("Case.NotAKelaDistrict");
    }

    [Fact]
    public void Open_KelaDistrictOtherThanTheActors_FailsWithNotAKelaDistrict()
    {
        var westernHandler = Member(Western, "Ville Västinen");

        var result = ClientCase.Open(westernHandler, Southern, "Maija Meikäläinen", IdentityCode, Helsinki, Now);

        result.FirstError.ShouldBeOfType<ForbiddenError>().Code.ShouldBe("Case.NotAKelaDistrict");
    }

    private Result<ClientCase> Open(string name, Municipality municipality) =>
        ClientCase.Open(_handler, Southern, name, IdentityCode, municipality, Now);

    private static void ShouldFailWith(Result result, string code, string field)
    {
        result.IsSuccess.ShouldBeFalse();
        var error = result.FirstError.ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(field);
    }
}
