using System.Net.Sockets;
using Bunit;
using Bunit.TestDoubles;
using CooperationModel.Application.Common;
using CooperationModel.Application.Notifications;
using CooperationModel.Application.Notifications.CountUnread;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.Web.Tests.Layout;

/// <summary>
/// The layout when a part of it fails: the counts in the app bar read the database, and with the database down they
/// must fail inside a boundary of their own (a short text in the bar), never take the page and the circuit with them.
/// </summary>
public sealed class MainLayoutTests : ComponentTestContext
{
    private readonly FailingCounts _counts = new();
    private readonly BunitAuthorizationContext _auth;

    public MainLayoutTests()
    {
        Services.AddSingleton<ICountUnreadHandler>(_counts);
        Services.AddSingleton<IChangeFeed, NoChanges>();
        Services.AddSingleton<ICurrentUser>(new FixedUser(Guid.NewGuid(), Guid.NewGuid(), OrganisationKind.SocialServicesOrganiser, UserRole.SocialWorker, "Testi Käyttäjä"));
        _auth = AddAuthorization();
        _auth.SetAuthorized("Testi Käyttäjä");
        _auth.SetRoles(nameof(UserRole.SocialWorker));
        // As the server prerenders it (the idle timeout, interactive only, needs scripts).
        SetRendererInfo(new RendererInfo("Static", false));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(builder =>
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "page");
            builder.AddContent(2, "sivu");
            builder.CloseElement();
        })));

    [Fact]
    public void CountsFail_DatabaseDown_ShortMessageInTheBarAndThePageAndSignOutStay()
    {
        _counts.Failure = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        var cut = RenderLayout();

        cut.Find("[data-testid=layout-error]").TextContent.ShouldBe("Tietokantaan ei saada yhteyttä. Yritä hetken kuluttua uudelleen.");
        cut.Find("[data-testid=page]").TextContent.ShouldBe("sivu");
        cut.FindAll("[data-testid=sign-out]").ShouldHaveSingleItem();
        cut.FindAll("[data-testid=nav-notifications]").ShouldBeEmpty();
    }

    [Fact]
    public void CountsFail_OtherError_ShortMessageWithIncidentId()
    {
        _counts.Failure = new InvalidOperationException("boom");

        var cut = RenderLayout();

        cut.Find("[data-testid=layout-error]").TextContent.ShouldMatch(@"^Osa sivusta ei latautunut \(tunniste [0-9a-f]{12}\)\.$");
        cut.Find("[data-testid=page]").TextContent.ShouldBe("sivu");
    }

    [Fact]
    public void CountsWork_NoErrorAndTheCounts()
    {
        var cut = RenderLayout();

        cut.FindAll("[data-testid=layout-error]").ShouldBeEmpty();
        cut.Find("[data-testid=nav-notifications]").GetAttribute("data-count").ShouldBe("3");
    }

    [Theory]
    [InlineData(Policies.Receiver, "nav-inbox nav-model nav-cooperation")]
    [InlineData(Policies.KelaHandler, "nav-cases nav-model nav-cooperation")]
    [InlineData(Policies.OrganisationAdmin, "nav-model nav-cooperation nav-deadlines nav-access-log")]
    public void Menu_HasTheLinksOfTheUsersPoliciesOnly(string policy, string links)
    {
        _auth.SetPolicies(policy);

        var cut = RenderLayout();

        cut.FindAll("nav[aria-label=Päävalikko] a").Select(a => a.GetAttribute("data-testid")).ShouldBe(links.Split(' '));
        cut.Find("[data-testid=nav-inbox], [data-testid=nav-cases], [data-testid=nav-deadlines]").GetAttribute("href").ShouldNotBeNullOrEmpty();
    }

    /// <summary>
    /// Everyone signed in reads the cooperation model; the coordinator also triages the feedback on it and follows the
    /// pilots and the analysis.
    /// </summary>
    [Fact]
    public void Menu_Coordinator_TheModelItsFeedbackThePilotsAndTheAnalysis()
    {
        _auth.SetPolicies(Policies.Coordinator);

        var cut = RenderLayout();

        cut.FindAll("nav[aria-label=Päävalikko] a").Select(a => a.GetAttribute("data-testid")).ShouldBe(["nav-model", "nav-cooperation", "nav-model-feedback", "nav-pilots", "nav-swot"]);
        cut.Find("[data-testid=nav-model-feedback]").GetAttribute("href").ShouldBe("model/feedback");
        cut.Find("[data-testid=nav-pilots]").GetAttribute("href").ShouldBe("coordination/pilots");
    }

    [Fact]
    public void Menu_NoOneSignedIn_NoMenuNoCountsNoSignOut()
    {
        _auth.SetNotAuthorized();

        var cut = RenderLayout();

        cut.FindAll("nav[aria-label=Päävalikko]").ShouldBeEmpty();
        cut.FindAll("[data-testid=nav-notifications]").ShouldBeEmpty();
        cut.FindAll("[data-testid=sign-out]").ShouldBeEmpty();
        cut.FindAll("[data-testid=user-name]").ShouldBeEmpty();
        cut.Find("[data-testid=page]").TextContent.ShouldBe("sivu");
    }

    [Fact]
    public void Bar_ShowsTheUsersNameAndTheCountsBadge()
    {
        _auth.SetClaims(new System.Security.Claims.Claim(AppClaimTypes.DisplayName, "Testi Käyttäjä"));

        var cut = RenderLayout();

        cut.Find("[data-testid=user-name]").TextContent.ShouldBe("Testi Käyttäjä");
        var badge = cut.Find("[data-testid=nav-notifications-badge]");
        badge.QuerySelector("[data-testid=nav-notifications]")!.GetAttribute("aria-label").ShouldNotBeNullOrEmpty();
        badge.QuerySelector(".mud-badge")!.TextContent.ShouldBe("3");
    }

    [Fact]
    public void Layout_HasTheErrorUiBlazorShowsWhenTheCircuitFails()
    {
        var cut = RenderLayout();

        var errorUi = cut.Find("#blazor-error-ui");
        errorUi.TextContent.ShouldContain("Sivulla tapahtui virhe, eikä se enää toimi. Lataa sivu uudelleen.");
        errorUi.QuerySelector("a.reload").ShouldNotBeNull();
        errorUi.QuerySelector("button.dismiss")!.GetAttribute("aria-label").ShouldBe("Sulje");
    }

    private sealed class FailingCounts : ICountUnreadHandler
    {
        public Exception? Failure { get; set; }

        public Task<UnreadCounts> HandleAsync(CancellationToken cancellationToken = default) =>
            Failure is null ? Task.FromResult(new UnreadCounts(3, 1)) : Task.FromException<UnreadCounts>(Failure);
    }

    private sealed class NoChanges : IChangeFeed
    {
        public IDisposable Subscribe(Guid organisationId, Func<Task> onChange) => new Unsubscribe();

        public Task PublishAsync(Guid organisationId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        private sealed class Unsubscribe : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
