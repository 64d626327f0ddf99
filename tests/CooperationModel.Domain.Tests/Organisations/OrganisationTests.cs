using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Tests.Organisations;

public class OrganisationTests
{
    // Expected ids computed outside the production code: the first 16 bytes of
    // SHA-256("cooperationmodel/organisation/{kind}/{code}") read as a little-endian Guid.
    // They are stored in databases, so they must never change.
    [Theory]
    [InlineData(OrganisationKind.KelaDistrict, "etelainen", "82146be6-897e-1829-7a0a-76de6a0a9b5c")]
    [InlineData(OrganisationKind.SocialServicesOrganiser, "90", "89adddc1-c091-3328-a235-deb24bb7b0a6")]
    [InlineData(OrganisationKind.NationalCoordination, Organisation.NationalCoordinationCode, "becc1b26-dd70-54dd-3a47-a09bc92af64e")]
    public void IdFor_KnownOrganisation_IsStable(OrganisationKind kind, string code, string expected) =>
        Organisation.IdFor(kind, code).ShouldBe(Guid.Parse(expected));

    [Fact]
    public void IdFor_SameKindAndCode_GivesSameId() =>
        Organisation.IdFor(OrganisationKind.KelaDistrict, "lantinen")
            .ShouldBe(Organisation.IdFor(OrganisationKind.KelaDistrict, "lantinen"));

    [Fact]
    public void IdFor_DifferentKindsOrCodes_GiveDifferentIds()
    {
        var ids = new[]
        {
            Organisation.IdFor(OrganisationKind.KelaDistrict, "etelainen"),
            Organisation.IdFor(OrganisationKind.KelaDistrict, "lantinen"),
            Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "etelainen"),
            Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90"),
            Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "09"),
            Organisation.IdFor(OrganisationKind.KelaDistrict, "90"),
            Organisation.IdFor(OrganisationKind.NationalCoordination, "90"),
            Organisation.IdFor(OrganisationKind.NationalCoordination, Organisation.NationalCoordinationCode),
        };

        ids.ShouldBeUnique();
        ids.ShouldNotContain(Guid.Empty);
    }

    [Fact]
    public void Create_AnyOrganisation_UsesIdForAsId()
    {
        var organisation = Organisation.Create(OrganisationKind.SocialServicesOrganiser, "03", "Länsi-Uusimaa", "Västra Nyland", "West Uusimaa");

        organisation.Id.ShouldBe(Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "03"));
        organisation.Kind.ShouldBe(OrganisationKind.SocialServicesOrganiser);
        organisation.Code.ShouldBe("03");
        organisation.NameFi.ShouldBe("Länsi-Uusimaa");
        organisation.NameSv.ShouldBe("Västra Nyland");
        organisation.NameEn.ShouldBe("West Uusimaa");
    }

    [Fact]
    public void Rename_NewNames_KeepsIdAndCode()
    {
        var organisation = Organisation.Create(OrganisationKind.KelaDistrict, "etelainen", "a", "b", "c");

        organisation.Rename("Eteläinen", "Södra", "Southern");

        organisation.Id.ShouldBe(Organisation.IdFor(OrganisationKind.KelaDistrict, "etelainen"));
        organisation.Code.ShouldBe("etelainen");
        (organisation.NameFi, organisation.NameSv, organisation.NameEn).ShouldBe(("Eteläinen", "Södra", "Southern"));
    }

    /// <summary>Where each role works; an admin works anywhere. Every pair of role and kind is checked against it.</summary>
    private static readonly HashSet<(UserRole, OrganisationKind)> Fits =
    [
        (UserRole.KelaHandler, OrganisationKind.KelaDistrict),
        (UserRole.SocialWorker, OrganisationKind.SocialServicesOrganiser),
        (UserRole.Coordinator, OrganisationKind.NationalCoordination),
        (UserRole.HealthCareProfessional, OrganisationKind.HealthCare),
        (UserRole.OutreachYouthWorker, OrganisationKind.OutreachYouthWork),
    ];

    public static TheoryData<UserRole, OrganisationKind> EveryRoleAndKind()
    {
        var data = new TheoryData<UserRole, OrganisationKind>();
        foreach (var role in Enum.GetValues<UserRole>())
        {
            foreach (var kind in Enum.GetValues<OrganisationKind>())
            {
                data.Add(role, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndKind))]
    public void FitsIn_RoleAndKind_OnlyWhereTheRoleWorks(UserRole role, OrganisationKind kind) =>
        role.FitsIn(kind).ShouldBe(role == UserRole.OrganisationAdmin || Fits.Contains((role, kind)));

    [Theory]
    [InlineData(UserRole.SocialWorker, true)]
    [InlineData(UserRole.HealthCareProfessional, true)]
    [InlineData(UserRole.OutreachYouthWorker, true)]
    [InlineData(UserRole.KelaHandler, false)]
    [InlineData(UserRole.Coordinator, false)]
    [InlineData(UserRole.OrganisationAdmin, false)]
    public void Receives_Role_OnlyTheRolesThatWorkReferrals(UserRole role, bool receives) =>
        role.Receives().ShouldBe(receives);

    [Theory]
    [InlineData(UserRole.OrganisationAdmin, true)]
    [InlineData(UserRole.KelaHandler, false)]
    [InlineData(UserRole.SocialWorker, false)]
    [InlineData(UserRole.Coordinator, false)]
    [InlineData(UserRole.HealthCareProfessional, false)]
    [InlineData(UserRole.OutreachYouthWorker, false)]
    public void RequiresTwoFactor_Role_OnlyOrganisationAdmins(UserRole role, bool required) =>
        role.RequiresTwoFactor().ShouldBe(required);
}
