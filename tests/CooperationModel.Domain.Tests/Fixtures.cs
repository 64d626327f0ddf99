using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Tests;

/// <summary>A small world for the tests: the Southern Kela district, Helsinki and its organiser, and their people.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 30, 0, TimeSpan.FromHours(2));

    public static ReferenceCatalog Catalog => ReferenceCatalog.Instance;

    /// <summary>The routing over the real reference data.</summary>
    public static ReferralRouting Routing { get; } = new(ReferenceCatalog.Instance);

    /// <summary>The (Finnish) day of an instant in these tests.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(2)).DateTime);

    /// <summary>Consent given in person on the day of <see cref="Now"/>, covering the description; or none.</summary>
    public static ConsentRecord Consent(bool given, bool coversFeedback = false) =>
        given ? ConsentRecord.GivenIn(ConsentMethod.InPerson, DayOf(Now), coversFeedback) : ConsentRecord.NotGiven;

    /// <summary>Sends a referral with the default deadlines; the consent record as <see cref="Consent"/> makes it.</summary>
    public static Result<Referral> SendReferral(
        ClientCase clientCase, ReferralGround ground, bool consent, string? description, Actor sender, DateTimeOffset at,
        bool coversFeedback = false, string? repeatReason = null) =>
        Referral.Send(
            Routing,
            clientCase, new ReferralContent(ground, Consent(consent, coversFeedback), description), sender, DayOf(at), at,
            ReferralDeadlinePolicy.Default, repeatReason);

    public static Municipality Helsinki => Municipality("091");

    public static Organisation Southern { get; } = KelaDistrict("etelainen");

    public static Organisation Western { get; } = KelaDistrict("lantinen");

    public static Organisation CityOfHelsinki { get; } = Organiser("90");

    public static Organisation WestUusimaa { get; } = Organiser("03");

    public static Municipality Municipality(string code) =>
        Catalog.FindMunicipality(code) ?? throw new InvalidOperationException($"No municipality {code} in the catalog.");

    public static Organisation KelaDistrict(string code) =>
        Organisation.Create(OrganisationKind.KelaDistrict, code, $"{code} fi", $"{code} sv", $"{code} en");

    public static Organisation Organiser(string code) =>
        Organisation.Create(OrganisationKind.SocialServicesOrganiser, code, $"{code} fi", $"{code} sv", $"{code} en");

    public static Actor Member(Organisation organisation, string name) => new(Guid.NewGuid(), organisation.Id, name);

    public static PersonalIdentityCode IdentityCode => PersonalIdentityCode.Parse("131052-308T").Value;

    /// <summary>A case of a Helsinki client, opened in the Southern district by <paramref name="handler"/>.</summary>
    public static ClientCase OpenHelsinkiCase(Actor handler) =>
        ClientCase.Open(handler, Southern, "Maija Meikäläinen", IdentityCode, Helsinki, Now).Value;
}
