using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Tests.Directory;

/// <summary>A contact entry's rules: the function fits the organisation's kind, the municipality is in its area, the
/// channels' formats, the identity-code refusal, and the checked-on date that every change and every confirmation moves.</summary>
public class DirectoryContactTests
{
    private static readonly Organisation Helsinki = Organisation.Create(OrganisationKind.SocialServicesOrganiser, "90", "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki");
    private static readonly Organisation Southern = Organisation.Create(OrganisationKind.KelaDistrict, "etelainen", "Eteläinen vakuutuspiiri", "Södra", "Southern");
    private static readonly Organisation HealthCareHelsinki = Organisation.Create(OrganisationKind.HealthCare, "90", "Terveys", "Hälsa", "Health");
    private static readonly Organisation YouthEspoo = Organisation.Create(OrganisationKind.OutreachYouthWork, "049", "Etsivä Espoo", "Esbo", "Espoo");
    private static readonly Actor Admin = new(Guid.NewGuid(), Helsinki.Id, "Pauli Pääkäyttäjä");
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static DirectoryContactInput Valid(DirectoryFunction function = DirectoryFunction.AdultSocialWork, string? municipality = "091") =>
        new(function, municipality, "Aikuissosiaalityön neuvonta", ServiceLanguage.Bilingual, "09 310 44556", "ma–pe 9–15",
            "aikuissosiaalityo@hel.fi", "https://meet.hel.fi/aikuis", function == DirectoryFunction.SocialEmergencyService ? "24/7" : null, "Kallion palvelupiste, Toinen linja 4");

    [Theory]
    [InlineData(DirectoryFunction.KelaRegionalContact, OrganisationKind.KelaDistrict, true)]
    [InlineData(DirectoryFunction.KelaRegionalContact, OrganisationKind.SocialServicesOrganiser, false)]
    [InlineData(DirectoryFunction.AdultSocialWork, OrganisationKind.SocialServicesOrganiser, true)]
    [InlineData(DirectoryFunction.AdultSocialWork, OrganisationKind.KelaDistrict, false)]
    [InlineData(DirectoryFunction.SocialEmergencyService, OrganisationKind.HealthCare, false)]
    [InlineData(DirectoryFunction.HealthCare, OrganisationKind.SocialServicesOrganiser, true)]
    [InlineData(DirectoryFunction.HealthCare, OrganisationKind.HealthCare, true)]
    [InlineData(DirectoryFunction.HealthCare, OrganisationKind.OutreachYouthWork, false)]
    [InlineData(DirectoryFunction.OutreachYouthWork, OrganisationKind.OutreachYouthWork, true)]
    [InlineData(DirectoryFunction.OutreachYouthWork, OrganisationKind.SocialServicesOrganiser, true)]
    [InlineData(DirectoryFunction.OutreachYouthWork, OrganisationKind.HealthCare, false)]
    [InlineData(DirectoryFunction.Housing, OrganisationKind.NationalCoordination, false)]
    public void Function_FitsTheOrganisationsKind(DirectoryFunction function, OrganisationKind kind, bool fits) =>
        function.Fits(kind).ShouldBe(fits);

    [Fact]
    public void NationalCoordination_ListsNothing() => DirectoryFunctions.For(OrganisationKind.NationalCoordination).ShouldBeEmpty();

    [Fact]
    public void Add_AFunctionOfAnotherKind_IsRefused() =>
        DirectoryContact.Add(Helsinki, Valid(DirectoryFunction.KelaRegionalContact), Admin, Today, DateTimeOffset.UtcNow)
            .Errors.Select(e => e.Code).ShouldContain("Directory.FunctionNotForOrganisation");

    [Theory]
    [InlineData("091", true)]  // Helsinki is the City of Helsinki's
    [InlineData("049", false)] // Espoo is Western Uusimaa's
    [InlineData("999", false)] // no such municipality
    [InlineData(null, true)]   // the whole area
    public void Add_TheMunicipality_MustBeInTheOrganisersArea(string? municipality, bool allowed) =>
        DirectoryContact.Add(Helsinki, Valid(municipality: municipality), Admin, Today, DateTimeOffset.UtcNow)
            .Errors.Any(e => e.Code == "Directory.MunicipalityNotCovered").ShouldBe(!allowed);

    [Fact]
    public void Area_KelaDistrict_HealthCare_AndOutreachYouthWork_FollowTheCatalog()
    {
        DirectoryFunctions.AreaOf(Southern.Kind, Southern.Code).Select(m => m.Code).ShouldContain("091");
        DirectoryFunctions.AreaOf(Southern.Kind, Southern.Code).Select(m => m.Code).ShouldNotContain("564"); // Oulu: northern
        DirectoryFunctions.AreaOf(HealthCareHelsinki.Kind, HealthCareHelsinki.Code).Select(m => m.Code).ShouldBe(["091"]);
        DirectoryFunctions.AreaOf(YouthEspoo.Kind, YouthEspoo.Code).Select(m => m.Code).ShouldBe(["049"]);
        DirectoryContact.Add(YouthEspoo, Valid(DirectoryFunction.OutreachYouthWork, "091"), Admin, Today, DateTimeOffset.UtcNow)
            .Errors.Select(e => e.Code).ShouldBe(["Directory.MunicipalityNotCovered"]);
    }

    [Fact]
    public void OrganisationsCovering_AMunicipality_AreItsDistrictOrganiserHealthCareAndYouthWork()
    {
        var helsinki = ReferenceCatalog.Instance.FindMunicipality("091")!;
        DirectoryFunctions.OrganisationsCovering(helsinki).ShouldBe(
            [Southern.Id, Helsinki.Id, HealthCareHelsinki.Id, Organisation.IdFor(OrganisationKind.OutreachYouthWork, "091")], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("PhoneHours")]
    [InlineData("EmergencyHours")]
    [InlineData("PaymentCommitmentPlace")]
    public void Add_ATextWithAValidIdentityCode_IsRefusedOnItsField(string field)
    {
        var input = Valid(DirectoryFunction.SocialEmergencyService);
        input = field switch
        {
            "Name" => input with { Name = "Neuvonta 010190-900P" },
            "PhoneHours" => input with { PhoneHours = "ma 010190-900P" },
            "EmergencyHours" => input with { EmergencyHours = "aina010190-900P" },
            _ => input with { PaymentCommitmentPlace = "Asiakas 010190-900P" },
        };

        var errors = DirectoryContact.Add(Helsinki, input, Admin, Today, DateTimeOffset.UtcNow).Errors;
        errors.Select(e => (e.Code, e.Field)).ShouldBe([("PersonalData.ContainsIdentityCode", field)]);
    }

    [Fact]
    public void Add_AReferenceNumberThatOnlyLooksLikeACode_Passes() =>
        DirectoryContact.Add(Helsinki, Valid() with { Name = "Neuvonta 010190-9000" }, Admin, Today, DateTimeOffset.UtcNow).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData("09 310 44556", true)]
    [InlineData("+358 9 310 44556", true)]
    [InlineData("(09) 310-44556", true)]
    [InlineData("040 1234567", true)]
    [InlineData("1234", false)]
    [InlineData("soita meille", false)]
    [InlineData("09 310 44556 tai 09 310 44557 tai 09 310 44558", false)]
    public void Phone_Format(string phone, bool valid) =>
        DirectoryContactRules.Check(Valid() with { Phone = phone }).Errors.Any(e => e.Code == "Directory.PhoneInvalid").ShouldBe(!valid);

    [Theory]
    [InlineData("neuvonta@hel.fi", true)]
    [InlineData("neuvonta@hel", false)]
    [InlineData("neuvonta hel.fi", false)]
    public void Email_Format(string email, bool valid) =>
        DirectoryContactRules.Check(Valid() with { SecureEmail = email }).Errors.Any(e => e.Code == "Directory.EmailInvalid").ShouldBe(!valid);

    [Theory]
    [InlineData("https://meet.hel.fi/a", true)]
    [InlineData("http://meet.hel.fi", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("meet.hel.fi", false)]
    [InlineData("https://localhost/a", false)]
    public void VideoAddress_Format(string url, bool valid) =>
        DirectoryContactRules.Check(Valid() with { VideoMeetingUrl = url }).Errors.Any(e => e.Code == "Directory.UrlInvalid").ShouldBe(!valid);

    [Fact]
    public void AtLeastOneChannel_AndHoursOnlyForTheEmergencyService()
    {
        DirectoryContactRules.Check(Valid() with { Phone = null, PhoneHours = null, SecureEmail = " ", VideoMeetingUrl = null })
            .Errors.Select(e => e.Code).ShouldBe(["Directory.ChannelRequired"]);
        DirectoryContactRules.Check(Valid() with { Phone = null, PhoneHours = null, VideoMeetingUrl = null }).IsSuccess.ShouldBeTrue();
        DirectoryContactRules.Check(Valid(DirectoryFunction.SocialEmergencyService) with { EmergencyHours = null })
            .Errors.Select(e => e.Code).ShouldBe(["Directory.EmergencyHoursRequired"]);
        DirectoryContactRules.Check(Valid() with { EmergencyHours = "24/7" })
            .Errors.Select(e => e.Code).ShouldBe(["Directory.EmergencyHoursOnlyForEmergency"]);
    }

    [Fact]
    public void TooLong_AndControlCharacters_AreRefused()
    {
        var errors = DirectoryContactRules.Check(Valid() with { Name = new string('x', DirectoryContactRules.MaxNameLength + 1), PaymentCommitmentPlace = "a\0b" }).Errors;
        errors.Select(e => e.Code).ShouldBe(["Directory.NameTooLong", StorableText.InvalidCharactersCode], ignoreOrder: true);
        DirectoryContactRules.Check(Valid() with { Name = new string('x', DirectoryContactRules.MaxNameLength) }).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void EveryChange_AndAConfirmation_MoveCheckedOn_AndStalenessFollows()
    {
        var contact = DirectoryContact.Add(Helsinki, Valid(), Admin, Today.AddMonths(-13), DateTimeOffset.UtcNow).Value;
        contact.Checked.ShouldBe(new CheckedOn(Today.AddMonths(-13), "Pauli Pääkäyttäjä"));
        contact.Checked.IsStaleOn(Today, 12).ShouldBeTrue();

        contact.ConfirmUnchanged(Admin with { DisplayName = "Toinen Pääkäyttäjä" }, Today.AddMonths(-2));
        contact.Checked.ShouldBe(new CheckedOn(Today.AddMonths(-2), "Toinen Pääkäyttäjä"));
        contact.Checked.IsStaleOn(Today, 12).ShouldBeFalse();
        contact.Checked.IsStaleOn(Today, 1).ShouldBeTrue();

        contact.Change(Helsinki, Valid() with { Name = "Uusi nimi" }, Admin, Today).IsSuccess.ShouldBeTrue();
        (contact.Name, contact.CheckedOnDate, contact.CheckedBy).ShouldBe(("Uusi nimi", Today, "Pauli Pääkäyttäjä"));
    }

    [Fact]
    public void Change_ARefusedChange_KeepsTheEntryAndItsDate()
    {
        var contact = DirectoryContact.Add(Helsinki, Valid(), Admin, Today.AddDays(-5), DateTimeOffset.UtcNow).Value;
        contact.Change(Helsinki, Valid() with { Name = "" }, Admin, Today).IsSuccess.ShouldBeFalse();
        contact.Change(Southern, Valid(), Admin, Today).FirstError.Code.ShouldBe("Directory.NotFound");
        (contact.Name, contact.CheckedOnDate).ShouldBe(("Aikuissosiaalityön neuvonta", Today.AddDays(-5)));
    }

    [Fact]
    public void Access_AnAdminChangesOnlyTheOwnOrganisationsEntries_EveryRoleReads()
    {
        DirectoryAccessRule.For(UserRole.OrganisationAdmin, Helsinki.Id, Helsinki.Id).ShouldBe(DirectoryAccess.ChangesOwn);
        DirectoryAccessRule.For(UserRole.OrganisationAdmin, Southern.Id, Helsinki.Id).ShouldBe(DirectoryAccess.Reads);
        DirectoryAccessRule.For(UserRole.OrganisationAdmin, Guid.Empty, Guid.Empty).ShouldBe(DirectoryAccess.Reads);
        foreach (var role in Enum.GetValues<UserRole>().Where(r => r != UserRole.OrganisationAdmin))
        {
            var access = DirectoryAccessRule.For(role, Helsinki.Id, Helsinki.Id);
            access.ShouldBe(DirectoryAccess.Reads, role.ToString());
            access.Reads().ShouldBeTrue();
            access.Changes().ShouldBeFalse();
        }

        DirectoryAccessRule.For(null, Helsinki.Id, Helsinki.Id).Reads().ShouldBeFalse();
        DirectoryAccessRule.ForOwn(UserRole.OrganisationAdmin, Helsinki.Id).Changes().ShouldBeTrue();
    }
}
