using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Tests.Agreements;

/// <summary>Recording, changing and ending an agreement: the parties' areas meet, every text is bounded and free of identity codes.</summary>
public class LocalAgreementTests
{
    private static readonly Organisation South = Organisation.Create(OrganisationKind.KelaDistrict, "etelainen", "Eteläinen", "Södra", "Southern");
    private static readonly Organisation North = Organisation.Create(OrganisationKind.KelaDistrict, "pohjoinen", "Pohjoinen", "Norra", "Northern");
    private static readonly Organisation Helsinki = Organisation.Create(OrganisationKind.SocialServicesOrganiser, "90", "Helsinki", "Helsingfors", "Helsinki");
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly Actor SouthAdmin = new(Guid.NewGuid(), South.Id, "Elina");

    public static AgreementDraft Valid { get; } = new(
        AgreementSubject.ContactPractices, "Yhteydenpito", "Soitetaan.", Today, Today.AddYears(1),
        "Elina", "020 634 0000", null, "Pauli", null, "pauli@hel.fi");

    [Fact]
    public void Record_DistrictAndOrganiserWhoseAreasMeet_InEitherOrder()
    {
        var agreement = LocalAgreement.Record(South, Helsinki, Valid, SouthAdmin, Now).Value;
        agreement.KelaDistrictOrganisationId.ShouldBe(South.Id);
        agreement.OrganiserOrganisationId.ShouldBe(Helsinki.Id);
        agreement.StateOn(Today, 60).ShouldBe(AgreementState.InForce);

        var fromHelsinki = LocalAgreement.Record(Helsinki, South, Valid, SouthAdmin with { OrganisationId = Helsinki.Id }, Now).Value;
        fromHelsinki.KelaDistrictOrganisationId.ShouldBe(South.Id);
    }

    [Fact]
    public void Record_AreasDoNotMeet_OrSameKind_IsRefused()
    {
        AgreementParties.Meet("pohjoinen", "90").ShouldBeFalse();
        AgreementParties.Meet("etelainen", "90").ShouldBeTrue();
        LocalAgreement.Record(North, Helsinki, Valid, SouthAdmin with { OrganisationId = North.Id }, Now).FirstError.Code.ShouldBe("Agreement.PartiesDoNotMeet");
        LocalAgreement.Record(South, North, Valid, SouthAdmin, Now).FirstError.Code.ShouldBe("Agreement.PartiesDoNotMeet");
    }

    [Fact]
    public void Record_ForAnotherOrganisation_IsRefused()
    {
        LocalAgreement.Record(Helsinki, South, Valid, SouthAdmin, Now).FirstError.Code.ShouldBe("Agreement.NotAParty");
    }

    [Fact]
    public void Check_EveryTextWithAnIdentityCode_IsRefusedAtItsField()
    {
        const string code = "Asiakas 010190-900P";
        var drafts = new Dictionary<string, AgreementDraft>
        {
            ["Title"] = Valid with { Title = code },
            ["Text"] = Valid with { Text = code },
            ["KelaContactName"] = Valid with { KelaContactName = code },
            ["KelaContactPhone"] = Valid with { KelaContactPhone = "010190-900P" },
            ["OrganiserContactName"] = Valid with { OrganiserContactName = code },
            ["OrganiserContactEmail"] = Valid with { OrganiserContactEmail = "010190-900P@hel.fi" },
        };
        foreach (var (field, draft) in drafts)
        {
            draft.Check().Errors.ShouldContain(e => e.Code == "PersonalData.ContainsIdentityCode" && e.Field == field, field);
        }
    }

    [Fact]
    public void Check_ATextWithAControlCharacter_IsRefusedAtItsField_LineBreaksKept()
    {
        (Valid with { Text = "1. kohta\n2. kohta" }).Check().IsSuccess.ShouldBeTrue();
        (Valid with { Text = "NUL \0 ei tallennu" }).Check().Errors
            .ShouldContain(e => e.Code == StorableText.InvalidCharactersCode && e.Field == "Text");
    }

    [Fact]
    public void Check_Bounds_Dates_AndContacts()
    {
        Valid.Check().IsSuccess.ShouldBeTrue();
        (Valid with { Title = new string('x', AgreementDraft.TitleMaxLength) }).Check().IsSuccess.ShouldBeTrue();
        (Valid with { Title = new string('x', AgreementDraft.TitleMaxLength + 1) }).Check().FirstError.Code.ShouldBe("Agreement.TitleTooLong");
        (Valid with { Text = new string('x', AgreementDraft.TextMaxLength + 1) }).Check().FirstError.Code.ShouldBe("Agreement.TextTooLong");
        (Valid with { ValidUntil = Today.AddDays(-1) }).Check().FirstError.Code.ShouldBe("Agreement.UntilBeforeFrom");
        (Valid with { ValidUntil = Today }).Check().IsSuccess.ShouldBeTrue();
        (Valid with { ValidUntil = null }).Check().IsSuccess.ShouldBeTrue();
        (Valid with { KelaContactPhone = null }).Check().Errors.ShouldContain(e => e.Code == "Agreement.ContactMeansRequired" && e.Field == "KelaContactPhone");
        (Valid with { OrganiserContactEmail = "pauli at hel" }).Check().Errors.ShouldContain(e => e.Code == "Agreement.EmailInvalid" && e.Field == "OrganiserContactEmail");
        AgreementDraft.Empty.Check().Errors.Select(e => e.Field).ShouldBe(
            ["Subject", "Title", "Text", "ValidFrom", "KelaContactName", "KelaContactPhone", "OrganiserContactName", "OrganiserContactPhone"], ignoreOrder: true);
    }

    [Fact]
    public void Change_AndEnd_OnlyAPartysAdmin()
    {
        var agreement = LocalAgreement.Record(South, Helsinki, Valid, SouthAdmin, Now).Value;
        agreement.Change(AgreementAccess.Party, Valid with { Title = "Uusi" }, SouthAdmin, Now).FirstError.Code.ShouldBe("Agreement.NotPartyAdmin");
        agreement.Change(AgreementAccess.Coordinator, Valid with { Title = "Uusi" }, SouthAdmin, Now).FirstError.Code.ShouldBe("Agreement.NotPartyAdmin");
        agreement.End(AgreementAccess.Party, Today, Today, SouthAdmin, Now).FirstError.Code.ShouldBe("Agreement.NotPartyAdmin");
        agreement.Title.ShouldBe("Yhteydenpito");

        agreement.Change(AgreementAccess.PartyAdmin, Valid with { Title = "  Uusi  " }, SouthAdmin, Now).IsSuccess.ShouldBeTrue();
        agreement.Title.ShouldBe("Uusi");
    }

    [Fact]
    public void End_LastDayFromTodayToBeforeItsEnd_EndsItEarly()
    {
        var agreement = LocalAgreement.Record(South, Helsinki, Valid, SouthAdmin, Now).Value;
        agreement.End(AgreementAccess.PartyAdmin, null, Today, SouthAdmin, Now).FirstError.Code.ShouldBe("Agreement.LastDayRequired");
        agreement.End(AgreementAccess.PartyAdmin, Today.AddDays(-1), Today, SouthAdmin, Now).FirstError.Code.ShouldBe("Agreement.LastDayOutOfRange");
        agreement.End(AgreementAccess.PartyAdmin, Valid.ValidUntil, Today, SouthAdmin, Now).FirstError.Code.ShouldBe("Agreement.LastDayOutOfRange");

        agreement.End(AgreementAccess.PartyAdmin, Today, Today, SouthAdmin, Now).IsSuccess.ShouldBeTrue();
        agreement.ValidUntil.ShouldBe(Today);
        agreement.EndedEarlyAt.ShouldBe(Now);
        agreement.StateOn(Today.AddDays(1), 60).ShouldBe(AgreementState.Expired);
        agreement.End(AgreementAccess.PartyAdmin, Today.AddDays(1), Today.AddDays(1), SouthAdmin, Now).FirstError.Code.ShouldBe("Agreement.AlreadyExpired");
    }
}
