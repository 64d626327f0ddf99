using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Tests.Directory;

/// <summary>A municipality's operating environment: the type's facts, the rules of an assessment, who changes it.</summary>
public class OperatingEnvironmentTests
{
    private const string ValidCode = "010190-900P";
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static OperatingEnvironmentFacts Facts(
        bool office = true, string? days = "ma–pe 9–16", bool point = false, bool computers = true,
        SocialOfficeReception reception = SocialOfficeReception.WalkInHours, string? walkIn = "ma ja ke 9–11",
        SocialEmergencyService emergency = SocialEmergencyService.OnSite, string? note = null) =>
        new(office, days, point, computers, reception, walkIn, emergency, note);

    [Fact]
    public void Seeded_IsNotAssessed_WithoutFacts_NeverChecked()
    {
        var environment = OperatingEnvironment.NotAssessed("091", "90");

        environment.Type.ShouldBe(OperatingEnvironmentType.NotAssessed);
        environment.Facts.ShouldBeNull();
        environment.Checked.ShouldBeNull();
        environment.OrganiserCode.ShouldBe("90");
    }

    [Fact]
    public void Change_StoresTypeAndFacts_AndMovesCheckedOn()
    {
        var environment = OperatingEnvironment.NotAssessed("091", "90");

        environment.Change(OperatingEnvironmentType.Wide, Facts(note: "  Palvelupiste kirjastossa  "), " Pauli ", Today).IsSuccess.ShouldBeTrue();
        environment.Type.ShouldBe(OperatingEnvironmentType.Wide);
        environment.Facts.ShouldBe(Facts(note: "Palvelupiste kirjastossa"));
        environment.Checked.ShouldBe(new CheckedOn(Today, "Pauli"));

        environment.ConfirmUnchanged("Anna", Today.AddDays(3)).IsSuccess.ShouldBeTrue();
        environment.Checked.ShouldBe(new CheckedOn(Today.AddDays(3), "Anna"));
        environment.Facts.ShouldBe(Facts(note: "Palvelupiste kirjastossa"));
    }

    [Fact]
    public void ConfirmUnchanged_NotAssessed_IsRefused()
    {
        var environment = OperatingEnvironment.NotAssessed("091", "90");

        environment.ConfirmUnchanged("Anna", Today).FirstError.ShouldBe(OperatingEnvironment.Errors.NotAssessed);
        environment.Checked.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(OperatingEnvironmentType.NotAssessed)]
    [InlineData((OperatingEnvironmentType)99)]
    public void Change_WithoutAnAssessedType_IsRefused_AndKeepsTheRecord(OperatingEnvironmentType? type)
    {
        var environment = OperatingEnvironment.NotAssessed("091", "90");

        environment.Change(type, Facts(), "Pauli", Today).Errors.ShouldBe([OperatingEnvironment.Errors.TypeRequired]);
        environment.Type.ShouldBe(OperatingEnvironmentType.NotAssessed);
        environment.Checked.ShouldBeNull();
    }

    [Fact]
    public void Check_NamesEachFieldItRefuses()
    {
        OperatingEnvironment.Check(OperatingEnvironmentType.Wide, true, null, null, null, null, null).Errors
            .ShouldBe([OperatingEnvironment.Errors.SocialOfficeRequired, OperatingEnvironment.Errors.SocialEmergencyRequired]);
        OperatingEnvironment.Check(OperatingEnvironmentType.Narrow, false, "ma–pe", SocialOfficeReception.ByAppointmentOnly, "ti 9–11", SocialEmergencyService.ByPhone, null).Errors
            .ShouldBe([OperatingEnvironment.Errors.OpeningDaysWithoutOffice, OperatingEnvironment.Errors.WalkInHoursWithoutWalkIn]);
        OperatingEnvironment.Check(OperatingEnvironmentType.Wide, true, new string('x', OperatingEnvironment.HoursMaxLength), SocialOfficeReception.WalkInHours,
            new string('x', OperatingEnvironment.HoursMaxLength + 1), SocialEmergencyService.OnSite, new string('x', OperatingEnvironment.NoteMaxLength + 1)).Errors
            .ShouldBe([OperatingEnvironment.Errors.WalkInHoursTooLong, OperatingEnvironment.Errors.NoteTooLong]);
    }

    [Fact]
    public void Check_RefusesAnIdentityCodeInEveryText_WithTheSharedError()
    {
        var errors = OperatingEnvironment.Check(OperatingEnvironmentType.Wide, true, $"ma {ValidCode}", SocialOfficeReception.WalkInHours,
            $"x{ValidCode.ToLowerInvariant()}", SocialEmergencyService.OnSite, $"Asiakas {ValidCode}").Errors;

        errors.Select(e => e.Field).ShouldBe(["KelaOfficeOpeningDays", "WalkInHours", "Note"]);
        errors.ShouldAllBe(e => e.Code == PersonalData.ContainsIdentityCodeCode);
    }

    [Fact]
    public void Check_RefusesAControlCharacter_AtItsField() =>
        OperatingEnvironment.Check(OperatingEnvironmentType.Wide, true, "ma\u0007", SocialOfficeReception.WalkInHours,
            "ma 9–11", SocialEmergencyService.OnSite, null).Errors
            .ShouldBe([StorableText.InvalidCharacters("KelaOfficeOpeningDays")]);

    [Fact]
    public void TypicalFacts_FollowTheModelsDescriptions()
    {
        OperatingEnvironmentTypes.TypicalFacts(OperatingEnvironmentType.NotAssessed).ShouldBeNull();
        var wide = OperatingEnvironmentTypes.TypicalFacts(OperatingEnvironmentType.Wide)!;
        wide.HasKelaOffice.ShouldBeTrue();
        wide.SocialOffice.ShouldBe(SocialOfficeReception.WalkInHours);
        wide.SocialEmergency.ShouldBe(SocialEmergencyService.OnSite);
        var narrow = OperatingEnvironmentTypes.TypicalFacts(OperatingEnvironmentType.Narrow)!;
        (narrow.HasKelaOffice, narrow.HasKelaServicePoint, narrow.HasPublicComputers).ShouldBe((false, true, true));
        narrow.SocialEmergency.ShouldBe(SocialEmergencyService.ByPhone);
        var veryNarrow = OperatingEnvironmentTypes.TypicalFacts(OperatingEnvironmentType.VeryNarrow)!;
        veryNarrow.HasKelaInPerson.ShouldBeFalse();
        veryNarrow.SocialOffice.ShouldBe(SocialOfficeReception.ByAppointmentOnly);

        foreach (var type in OperatingEnvironmentTypes.Assessed)
        {
            OperatingEnvironment.NotAssessed("091", "90").Change(type, OperatingEnvironmentTypes.TypicalFacts(type)!, "Pauli", Today).IsSuccess.ShouldBeTrue();
        }
    }

    [Fact]
    public void OnlyTheAdminOfTheMunicipalitysOrganiser_Changes_EveryoneSignedInReads()
    {
        var helsinki = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90");

        OperatingEnvironmentAccessRule.For(UserRole.OrganisationAdmin, OrganisationKind.SocialServicesOrganiser, helsinki, "90")
            .ShouldBe(OperatingEnvironmentAccess.OrganiserAdmin);
        OperatingEnvironmentAccessRule.For(UserRole.OrganisationAdmin, OrganisationKind.SocialServicesOrganiser, helsinki, "19")
            .ShouldBe(OperatingEnvironmentAccess.Reader);
        OperatingEnvironmentAccessRule.For(UserRole.OrganisationAdmin, OrganisationKind.KelaDistrict,
            Organisation.IdFor(OrganisationKind.KelaDistrict, "etelainen"), "90").ShouldBe(OperatingEnvironmentAccess.Reader);
        // The health care of Helsinki's area has the organiser's code but is another organisation.
        OperatingEnvironmentAccessRule.For(UserRole.OrganisationAdmin, OrganisationKind.HealthCare,
            Organisation.IdFor(OrganisationKind.HealthCare, "90"), "90").ShouldBe(OperatingEnvironmentAccess.Reader);
        foreach (var role in Enum.GetValues<UserRole>().Where(r => r != UserRole.OrganisationAdmin))
        {
            OperatingEnvironmentAccessRule.For(role, OrganisationKind.SocialServicesOrganiser, helsinki, "90").ShouldBe(OperatingEnvironmentAccess.Reader);
        }

        OperatingEnvironmentAccessRule.For(null, OrganisationKind.SocialServicesOrganiser, helsinki, "90").ShouldBe(OperatingEnvironmentAccess.None);
        OperatingEnvironmentAccess.None.Reads().ShouldBeFalse();
        OperatingEnvironmentAccess.Reader.Reads().ShouldBeTrue();
        OperatingEnvironmentAccess.Reader.Changes().ShouldBeFalse();
        OperatingEnvironmentAccess.OrganiserAdmin.Changes().ShouldBeTrue();
        OperatingEnvironmentAccessRule.OrganiserChangedBy(UserRole.OrganisationAdmin, OrganisationKind.SocialServicesOrganiser, helsinki, ["19", "90"]).ShouldBe("90");
        OperatingEnvironmentAccessRule.OrganiserChangedBy(UserRole.SocialWorker, OrganisationKind.SocialServicesOrganiser, helsinki, ["19", "90"]).ShouldBeNull();
    }
}
