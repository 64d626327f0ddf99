using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Pilots;

namespace CooperationModel.Domain.Tests.Pilots;

/// <summary>Who may do what with a pilot: coordinators everything, the owner organisations' users read and comment, others nothing.</summary>
public class PilotAccessTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<UserRole> NotCoordinators => [.. Enum.GetValues<UserRole>().Where(r => r != UserRole.Coordinator)];

    [Fact]
    public void For_Coordinator_IsCoordinator_LinkedOrNot()
    {
        PilotAccessRule.For(UserRole.Coordinator, Other, [Owner]).ShouldBe(PilotAccess.Coordinator);
        PilotAccessRule.For(UserRole.Coordinator, Other, []).ShouldBe(PilotAccess.Coordinator);
    }

    [Theory]
    [MemberData(nameof(NotCoordinators))]
    public void For_AnyRoleOfALinkedOrganisation_IsOwner_AndOfAnotherNone(UserRole role)
    {
        PilotAccessRule.For(role, Owner, [Other, Owner]).ShouldBe(PilotAccess.OwnerOrganisation);
        PilotAccessRule.For(role, Other, [Owner]).ShouldBe(PilotAccess.None);
        PilotAccessRule.For(role, Owner, []).ShouldBe(PilotAccess.None);
    }

    [Fact]
    public void For_NobodySignedIn_IsNone_EvenWithAnEmptyOrganisationLinked()
    {
        PilotAccessRule.For(null, Owner, [Owner]).ShouldBe(PilotAccess.None);
        PilotAccessRule.For(UserRole.SocialWorker, Guid.Empty, [Guid.Empty]).ShouldBe(PilotAccess.None);
    }

    [Fact]
    public void WhatEachAccessAllows()
    {
        PilotAccess.Coordinator.Reads().ShouldBeTrue();
        PilotAccess.Coordinator.Changes().ShouldBeTrue();
        PilotAccess.Coordinator.ReadsFigures().ShouldBeTrue();
        PilotAccess.Coordinator.EntryKinds().ShouldBe([PilotEntryKind.Update, PilotEntryKind.Comment]);

        PilotAccess.OwnerOrganisation.Reads().ShouldBeTrue();
        PilotAccess.OwnerOrganisation.Changes().ShouldBeFalse();
        PilotAccess.OwnerOrganisation.ReadsFigures().ShouldBeFalse();
        PilotAccess.OwnerOrganisation.EntryKinds().ShouldBe([PilotEntryKind.Comment]);

        PilotAccess.None.Reads().ShouldBeFalse();
        PilotAccess.None.Changes().ShouldBeFalse();
        PilotAccess.None.ReadsFigures().ShouldBeFalse();
        PilotAccess.None.EntryKinds().ShouldBeEmpty();
    }

    [Fact]
    public void AddEntry_Owner_CommentsOnly_AndNoneIsNotFound()
    {
        var pilot = Pilot();
        pilot.SetOwnerOrganisations([Owner], new HashSet<Guid> { Owner, Other }).IsSuccess.ShouldBeTrue();
        var worker = new Actor(Guid.NewGuid(), Owner, "Sari Sosiaali");
        var access = pilot.AccessFor(UserRole.SocialWorker, Owner);

        pilot.AddEntry(access, PilotEntryKind.Comment, "Meillä toimii", worker, Now).IsSuccess.ShouldBeTrue();
        var update = pilot.AddEntry(access, PilotEntryKind.Update, "Pilotti alkoi", worker, Now);
        update.FirstError.ShouldBeOfType<ForbiddenError>().Code.ShouldBe("Pilot.CommentsOnly");
        var outsider = pilot.AddEntry(pilot.AccessFor(UserRole.SocialWorker, Other), PilotEntryKind.Comment, "Hei", worker with { OrganisationId = Other }, Now);
        outsider.FirstError.ShouldBeOfType<NotFoundError>().Code.ShouldBe("Pilot.NotFound");

        pilot.Entries.Select(e => (e.Kind, e.Text, e.ByOrganisationId)).ShouldBe([(PilotEntryKind.Comment, "Meillä toimii", Owner)]);
    }

    [Fact]
    public void AddEntry_Owner_IdentityCodeInAComment_IsRefused()
    {
        var pilot = Pilot();
        pilot.SetOwnerOrganisations([Owner], new HashSet<Guid> { Owner }).IsSuccess.ShouldBeTrue();

        var result = pilot.AddEntry(PilotAccess.OwnerOrganisation, PilotEntryKind.Comment, "Asiakas 010190-900P", new Actor(Guid.NewGuid(), Owner, "Sari"), Now);

        result.FirstError.Code.ShouldBe("PersonalData.ContainsIdentityCode");
        pilot.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void SetOwnerOrganisations_TakesKnownOrganisationsOnly_AndReplacesTheLinks()
    {
        var pilot = Pilot();
        var known = new HashSet<Guid> { Owner, Other };

        pilot.SetOwnerOrganisations([Other, Owner, Other], known).IsSuccess.ShouldBeTrue();
        pilot.OwnerOrganisationIds.Order().ShouldBe(new[] { Owner, Other }.Order());
        pilot.SetOwnerOrganisations([Owner, Guid.NewGuid()], known).FirstError.Code.ShouldBe("Pilot.UnknownOrganisation");
        pilot.OwnerOrganisationIds.Count.ShouldBe(2);
        pilot.SetOwnerOrganisations([], known).IsSuccess.ShouldBeTrue();
        pilot.AccessFor(UserRole.SocialWorker, Owner).ShouldBe(PilotAccess.None);
    }

    private static DevelopmentPilot Pilot() => DevelopmentPilot.FromCatalog(PilotCatalog.All[0], PilotStatus.Running, PilotCatalog.ModelPublished, "seed");
}
