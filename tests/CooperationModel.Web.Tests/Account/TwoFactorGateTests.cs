using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Web.Components.Account;
using CooperationModel.Web.Components.Pages.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Account;

/// <summary>
/// The router's half of the two-factor requirement: a navigation inside the interactive app makes no request, so the
/// gate around the route view must send an admin who has not enrolled to the enrolment page itself.
/// </summary>
public sealed class TwoFactorGateTests : ComponentTestContext
{
    private readonly BunitAuthorizationContext _auth;

    public TwoFactorGateTests()
    {
        _auth = AddAuthorization();
        Services.GetRequiredService<NavigationManager>().NavigateTo("settings/deadlines?x=1");
    }

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    private IRenderedComponent<TwoFactorGate> RenderGate(Type page) =>
        Render<TwoFactorGate>(parameters => parameters
            .Add(gate => gate.RouteData, new RouteData(page, new Dictionary<string, object?>()))
            .AddChildContent("<p data-testid=\"page\">page</p>"));

    private void SignIn(string role, string? twoFactor)
    {
        _auth.SetAuthorized("Testi Käyttäjä");
        _auth.SetRoles(role);
        if (twoFactor is not null)
        {
            _auth.SetClaims(new Claim(AppClaimTypes.TwoFactorEnabled, twoFactor));
        }
    }

    [Fact]
    public void AdminNotEnrolled_AnyOtherPage_NothingRenderedAndFullLoadToEnrolment()
    {
        SignIn("OrganisationAdmin", "false");

        var cut = RenderGate(typeof(Deadlines));

        cut.FindAll("[data-testid=page]").ShouldBeEmpty();
        var navigation = Navigation.History.First();
        navigation.Uri.ShouldBe("/account/two-factor?returnUrl=%2Fsettings%2Fdeadlines%3Fx%3D1");
        navigation.Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public void AdminWithoutTheClaim_CountsAsNotEnrolled()
    {
        SignIn("OrganisationAdmin", twoFactor: null);

        RenderGate(typeof(Deadlines)).FindAll("[data-testid=page]").ShouldBeEmpty();
    }

    [Fact]
    public void AdminNotEnrolled_EnrolmentOrAnonymousPage_Rendered()
    {
        SignIn("OrganisationAdmin", "false");

        RenderGate(typeof(TwoFactor)).FindAll("[data-testid=page]").ShouldHaveSingleItem();
        RenderGate(typeof(Web.Components.Pages.NotFound)).FindAll("[data-testid=page]").ShouldHaveSingleItem();
        Navigation.History.Count.ShouldBe(1);
    }

    [Fact]
    public void AdminEnrolled_Page_Rendered()
    {
        SignIn("OrganisationAdmin", "true");

        RenderGate(typeof(Deadlines)).FindAll("[data-testid=page]").ShouldHaveSingleItem();
        Navigation.History.Count.ShouldBe(1);
    }

    [Fact]
    public void SocialWorkerWithoutTwoFactor_Page_Rendered()
    {
        SignIn("SocialWorker", "false");

        RenderGate(typeof(Deadlines)).FindAll("[data-testid=page]").ShouldHaveSingleItem();
    }
}
