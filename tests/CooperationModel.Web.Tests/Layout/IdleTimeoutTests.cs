using Bunit;
using Bunit.TestDoubles;
using CooperationModel.Web.Components.Layout;
using CooperationModel.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CooperationModel.Web.Tests.Layout;

/// <summary>
/// The idle timeout of the interactive app on a manual clock (defaults: 30 min, warning 2 min before):
/// the warning, "stay signed in", activity that re-issues the cookie, and the sign-out.
/// </summary>
public sealed class IdleTimeoutTests : ComponentTestContext
{
    private readonly ManualTimeProvider _clock = new();
    private readonly BunitJSInterop _module;
    private readonly BunitJSInterop _tracker;

    public IdleTimeoutTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(Options.Create(new IdleSessionOptions()));
        _module = JSInterop.SetupModule(IdleTimeout.ModulePath);
        _tracker = _module.SetupModule(invocation => invocation.Identifier == "start");
    }

    private int KeepAlives => _module.Invocations["keepAlive"].Count;

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<IdleTimeout> Timeout) RenderIdleTimeout(bool? serverAnswer = true)
    {
        _module.Setup<bool?>("keepAlive").SetResult(serverAnswer);
        var dialogs = Render<MudDialogProvider>();
        var timeout = Render<IdleTimeout>();
        return (dialogs, timeout);
    }

    private static bool WarningShown(IRenderedComponent<MudDialogProvider> dialogs) => dialogs.FindAll("[data-testid=idle-warning]").Count > 0;

    [Fact]
    public void Render_FirstRender_StartsTrackerAndRefreshesCookie()
    {
        var (dialogs, _) = RenderIdleTimeout();

        _module.Invocations["start"].Single().Arguments[1].ShouldBe(30_000);
        KeepAlives.ShouldBe(1);
        WarningShown(dialogs).ShouldBeFalse();
    }

    [Fact]
    public void Clock_JustBeforeWarningTime_NoWarning()
    {
        var (dialogs, _) = RenderIdleTimeout();

        _clock.Advance(TimeSpan.FromMinutes(28) - TimeSpan.FromSeconds(1));

        WarningShown(dialogs).ShouldBeFalse();
        Navigation.History.ShouldBeEmpty();
    }

    [Fact]
    public void Clock_WarningTimeReached_WarnsInFinnishWithMinutesLeft()
    {
        var (dialogs, _) = RenderIdleTimeout();

        _clock.Advance(TimeSpan.FromMinutes(28));

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=idle-warning]").TextContent
            .ShouldBe("Sinut kirjataan ulos 2 minuutin kuluttua, koska et ole käyttänyt palvelua."));
        dialogs.Find("[data-testid=idle-stay]").TextContent.ShouldBe("Pysy kirjautuneena");
        Navigation.History.ShouldBeEmpty();
    }

    [Fact]
    public void Clock_IdleTimeoutReached_SignsOutWithFullPageLoad()
    {
        RenderIdleTimeout();

        _clock.Advance(TimeSpan.FromMinutes(30));

        var entry = Navigation.History.ShouldHaveSingleItem();
        entry.Uri.ShouldBe("account/idle-logout");
        entry.Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public async Task StaySignedIn_InWarning_RefreshesCookieAndRestartsTimeout()
    {
        var (dialogs, _) = RenderIdleTimeout();
        _clock.Advance(TimeSpan.FromMinutes(29));
        dialogs.WaitForAssertion(() => WarningShown(dialogs).ShouldBeTrue());

        await dialogs.Find("[data-testid=idle-stay]").ClickAsync(new());

        KeepAlives.ShouldBe(2);
        dialogs.WaitForAssertion(() => WarningShown(dialogs).ShouldBeFalse());
        _clock.Advance(TimeSpan.FromMinutes(27));
        Navigation.History.ShouldBeEmpty();
        WarningShown(dialogs).ShouldBeFalse();
        _clock.Advance(TimeSpan.FromMinutes(1));
        dialogs.WaitForAssertion(() => WarningShown(dialogs).ShouldBeTrue());
        _clock.Advance(TimeSpan.FromMinutes(2));
        Navigation.History.ShouldHaveSingleItem().Uri.ShouldBe("account/idle-logout");
    }

    [Fact]
    public async Task Activity_AfterKeepAliveInterval_RefreshesCookieAndPostponesTimeout()
    {
        var (dialogs, timeout) = RenderIdleTimeout();
        _clock.Advance(TimeSpan.FromMinutes(10));

        await timeout.InvokeAsync(timeout.Instance.Activity);

        KeepAlives.ShouldBe(2);
        _clock.Advance(TimeSpan.FromMinutes(27));
        WarningShown(dialogs).ShouldBeFalse();
        Navigation.History.ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromMinutes(3));
        Navigation.History.ShouldHaveSingleItem().Uri.ShouldBe("account/idle-logout");
    }

    [Fact]
    public async Task Activity_WithinKeepAliveInterval_NoServerCall()
    {
        var (_, timeout) = RenderIdleTimeout();
        _clock.Advance(TimeSpan.FromSeconds(59));

        await timeout.InvokeAsync(timeout.Instance.Activity);

        KeepAlives.ShouldBe(1);
    }

    [Fact]
    public async Task Activity_WhileWarningShows_OnlyTheButtonCounts()
    {
        var (dialogs, timeout) = RenderIdleTimeout();
        _clock.Advance(TimeSpan.FromMinutes(29));
        dialogs.WaitForAssertion(() => WarningShown(dialogs).ShouldBeTrue());

        await timeout.InvokeAsync(timeout.Instance.Activity);
        _clock.Advance(TimeSpan.FromMinutes(1));

        KeepAlives.ShouldBe(1);
        Navigation.History.ShouldHaveSingleItem().Uri.ShouldBe("account/idle-logout");
    }

    [Fact]
    public void Render_ServerNoLongerKnowsSession_GoesToSignIn()
    {
        RenderIdleTimeout(serverAnswer: false);

        var entry = Navigation.History.ShouldHaveSingleItem();
        entry.Uri.ShouldBe("account/login");
        entry.Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public async Task Dispose_Disposed_StopsTrackerAndTimer()
    {
        RenderIdleTimeout();

        await DisposeComponentsAsync();
        _clock.Advance(TimeSpan.FromHours(1));

        _tracker.Invocations["stop"].Count.ShouldBe(1);
        Navigation.History.ShouldBeEmpty();
    }

    [Fact]
    public void ReportAndKeepAliveIntervals_ShortTimeout_FollowTheTimeout()
    {
        var options = new IdleSessionOptions { IdleTimeout = TimeSpan.FromSeconds(8), WarningBefore = TimeSpan.FromSeconds(6) };

        IdleTimeout.ReportInterval(options).ShouldBe(TimeSpan.FromSeconds(1.5));
        IdleTimeout.KeepAliveInterval(options).ShouldBe(TimeSpan.FromSeconds(1));
    }
}
