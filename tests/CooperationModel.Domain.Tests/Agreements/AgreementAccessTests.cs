using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Tests.Agreements;

/// <summary>Who may do what with a local agreement: both parties' staff read, their admins change, coordinators read, others nothing.</summary>
public class AgreementAccessTests
{
    private static readonly Guid District = Guid.NewGuid();
    private static readonly Guid Organiser = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    public static TheoryData<UserRole> StaffRoles => [.. Enum.GetValues<UserRole>().Where(r => r is not UserRole.OrganisationAdmin and not UserRole.Coordinator)];

    [Theory]
    [MemberData(nameof(StaffRoles))]
    public void For_StaffOfEitherParty_ReadsButDoesNotChange(UserRole role)
    {
        foreach (var party in new[] { District, Organiser })
        {
            var access = AgreementAccessRule.For(role, party, District, Organiser);
            access.ShouldBe(AgreementAccess.Party);
            access.Reads().ShouldBeTrue();
            access.Changes().ShouldBeFalse();
        }
    }

    [Fact]
    public void For_AdminOfEitherParty_Changes()
    {
        AgreementAccessRule.For(UserRole.OrganisationAdmin, District, District, Organiser).Changes().ShouldBeTrue();
        AgreementAccessRule.For(UserRole.OrganisationAdmin, Organiser, District, Organiser).Changes().ShouldBeTrue();
    }

    [Fact]
    public void For_Coordinator_ReadsEveryAgreement_ButDoesNotChange()
    {
        var access = AgreementAccessRule.For(UserRole.Coordinator, Other, District, Organiser);
        access.Reads().ShouldBeTrue();
        access.Changes().ShouldBeFalse();
    }

    [Theory]
    [InlineData(UserRole.OrganisationAdmin)]
    [InlineData(UserRole.KelaHandler)]
    [InlineData(UserRole.SocialWorker)]
    [InlineData(UserRole.HealthCareProfessional)]
    public void For_AThirdOrganisation_IsNone(UserRole role)
    {
        AgreementAccessRule.For(role, Other, District, Organiser).ShouldBe(AgreementAccess.None);
    }

    [Fact]
    public void For_NoRoleOrNoOrganisation_IsNone()
    {
        AgreementAccessRule.For(null, District, District, Organiser).ShouldBe(AgreementAccess.None);
        AgreementAccessRule.For(UserRole.SocialWorker, Guid.Empty, District, Organiser).ShouldBe(AgreementAccess.None);
    }

    [Fact]
    public void Records_OnlyTheAdminsOfDistrictsAndOrganisers()
    {
        AgreementAccessRule.Records(UserRole.OrganisationAdmin, OrganisationKind.KelaDistrict).ShouldBeTrue();
        AgreementAccessRule.Records(UserRole.OrganisationAdmin, OrganisationKind.SocialServicesOrganiser).ShouldBeTrue();
        AgreementAccessRule.Records(UserRole.OrganisationAdmin, OrganisationKind.HealthCare).ShouldBeFalse();
        AgreementAccessRule.Records(UserRole.SocialWorker, OrganisationKind.SocialServicesOrganiser).ShouldBeFalse();
        AgreementAccessRule.Records(UserRole.Coordinator, OrganisationKind.NationalCoordination).ShouldBeFalse();
    }
}
