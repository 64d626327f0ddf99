using System.Net;
using System.Net.Sockets;
using CooperationModel.Application.Accounts;
using CooperationModel.Application.Notifications.CountUnread;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using CooperationModel.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Navigation;

/// <summary>
/// The database unreachable, for a part of the app: a page whose layout cannot read the unread counts renders with a short
/// message in the app bar instead of failing the whole response (and has the error UI for a dead circuit); the sign-in
/// says that the database is down.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DatabaseDownTests(AppFixture app)
{
    [Fact]
    public async Task Page_CountsCannotReachTheDatabase_RendersWithAMessageInTheBar()
    {
        await using var instance = new AppFactory(app.Database, services: services => services.AddScoped<ICountUnreadHandler, UnreachableCounts>());
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostLoginAsync(DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.GetAsync("/inbox");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.ReadTextAsync();
        html.ShouldContain("data-testid=\"layout-error\"");
        html.ShouldContain("Tietokantaan ei saada yhteyttä. Yritä hetken kuluttua uudelleen.");
        html.ShouldContain("data-testid=\"sign-out\"");
        html.ShouldContain("id=\"blazor-error-ui\"");
    }

    [Fact]
    public async Task SignIn_DatabaseUnreachable_SaysSoAndKeepsTheEmail()
    {
        // The accounts cannot be read: the answer is "the database cannot be reached", not "wrong password" nor a 500.
        await using var instance = new AppFactory(
            app.Database,
            new Dictionary<string, string> { ["Database:ApplyMigrations"] = "false" },
            services => services.AddScoped<IUserStore<AppUser>, UnreachableUserStore>());
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var response = await client.PostLoginAsync("kuka.tahansa@demo.test", DemoDataSeeder.DemoPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.ReadTextAsync();
        html.ShouldContain("data-testid=\"login-error\">Tietokantaan ei saada yhteyttä. Yritä hetken kuluttua uudelleen.<");
        html.ShouldContain("value=\"kuka.tahansa@demo.test\"");
        html.ShouldNotContain(DemoDataSeeder.DemoPassword);
    }

    [Fact]
    public async Task SignOut_SessionsCannotBeEnded_SignsOutThisBrowserAndSaysSo()
    {
        // The new security stamp cannot be written: this browser is still signed out (no 500), and the sign-in page tells
        // the user that other copies of the session were not ended.
        await using var instance = new AppFactory(app.Database, services: services => services.AddScoped<UserSessions>().AddScoped<IUserSessions, SessionsThatCannotBeEnded>());
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostLoginAsync(DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetAsync("/inbox");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);

        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await page.AntiforgeryTokenAsync(),
        }));

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signOut.RedirectTarget().ShouldBe("/account/login?reason=signout-incomplete");
        (await client.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var login = await client.GetAsync("/account/login?reason=signout-incomplete");
        (await login.ReadTextAsync()).ShouldContain("data-testid=\"login-signout-incomplete\">Sinut kirjattiin ulos tältä laitteelta.");
    }

    /// <summary>Sessions are checked as usual, but ending them fails as Npgsql fails to connect.</summary>
    private sealed class SessionsThatCannotBeEnded(UserSessions real) : IUserSessions
    {
        public Task EndAllAsync(Guid userId, CancellationToken cancellationToken = default) =>
            Task.FromException(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)));

        public Task<bool> IsValidAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
            real.IsValidAsync(principal, cancellationToken);
    }

    private sealed class UnreachableCounts : ICountUnreadHandler
    {
        public Task<UnreadCounts> HandleAsync(CancellationToken cancellationToken = default) =>
            Task.FromException<UnreadCounts>(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)));
    }

    /// <summary>A user store whose database is down: every call fails as Npgsql fails to connect.</summary>
    private sealed class UnreachableUserStore : IUserStore<AppUser>
    {
        private static Task<T> Down<T>() =>
            Task.FromException<T>(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)));

        public Task<IdentityResult> CreateAsync(AppUser user, CancellationToken cancellationToken) => Down<IdentityResult>();

        public Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken) => Down<IdentityResult>();

        public Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => Down<AppUser?>();

        public Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => Down<AppUser?>();

        public Task<string?> GetNormalizedUserNameAsync(AppUser user, CancellationToken cancellationToken) => Down<string?>();

        public Task<string> GetUserIdAsync(AppUser user, CancellationToken cancellationToken) => Down<string>();

        public Task<string?> GetUserNameAsync(AppUser user, CancellationToken cancellationToken) => Down<string?>();

        public Task SetNormalizedUserNameAsync(AppUser user, string? normalizedName, CancellationToken cancellationToken) => Down<bool>();

        public Task SetUserNameAsync(AppUser user, string? userName, CancellationToken cancellationToken) => Down<bool>();

        public Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken) => Down<IdentityResult>();

        public void Dispose()
        {
        }
    }
}
