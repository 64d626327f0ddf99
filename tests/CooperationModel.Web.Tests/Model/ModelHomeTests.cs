using Bunit;
using Bunit.TestDoubles;
using CooperationModel.Application.Common;
using CooperationModel.Application.Model;
using CooperationModel.Application.Pilots;
using CooperationModel.Domain.Common;
using CooperationModel.Web.Components.Pages.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Model;

/// <summary>The model's page links a user to the development pilots their organisation owns, only when it owns one.</summary>
public sealed class ModelHomeTests : ComponentTestContext
{
    private readonly OwnedPilots _pilots = new();
    private readonly BunitAuthorizationContext _auth;

    public ModelHomeTests()
    {
        Services.AddSingleton<IModelFeedbackHandler>(new FakeModelFeedback());
        Services.AddSingleton<IModelVersionsHandler>(new FakeModelVersions());
        Services.AddSingleton<IPilotRegistry>(_pilots);
        _auth = AddAuthorization();
        _auth.SetAuthorized("Testi Käyttäjä");
        _auth.SetPolicies(Policies.Receiver);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ModelHome_OrganisationOwnsAPilot_LinksToItsPilots(bool owns)
    {
        _pilots.Any = owns;

        var page = Render<ModelHome>();

        page.FindAll("[data-testid=model-my-pilots-link]").Select(a => a.GetAttribute("href")).ShouldBe(owns ? ["pilots"] : []);
    }

    [Fact]
    public void ModelHome_Coordinator_NoOwnPilotsLinkAndNoQuestion()
    {
        _auth.SetPolicies(Policies.Coordinator);
        _pilots.Any = true;

        var page = Render<ModelHome>();

        page.FindAll("[data-testid=model-my-pilots-link]").ShouldBeEmpty();
        _pilots.Asked.ShouldBe(0);
    }

    /// <summary>Only the question of the model's page is asked of the registry here.</summary>
    private sealed class OwnedPilots : IPilotRegistry
    {
        public bool Any { get; set; }

        public int Asked { get; private set; }

        public Task<bool> AnyMineAsync(CancellationToken cancellationToken = default)
        {
            Asked++;
            return Task.FromResult(Any);
        }

        public Task<Result<Page<PilotRow>>> ListAsync(PilotFilter filter, PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<IReadOnlyList<PilotRow>>> TimelineAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<IReadOnlyList<string>>> OwnersAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<PilotDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> ChangeStatusAsync(ChangePilotStatusCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> AddEntryAsync(AddPilotEntryCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> SetWeaknessesAsync(SetPilotWeaknessesCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> SetOwnerOrganisationsAsync(SetPilotOwnerOrganisationsCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<Page<PilotRow>>> MineAsync(PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
