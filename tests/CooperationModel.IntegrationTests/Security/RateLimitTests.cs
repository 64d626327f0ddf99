using System.Net;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Identity;
using CooperationModel.IntegrationTests.Support;
using CooperationModel.Tests.Shared;

namespace CooperationModel.IntegrationTests.Security;

/// <summary>An app of its own with low limits (and hour-long windows, so nothing refills during a test).</summary>
public abstract class RateLimitedApp(IReadOnlyDictionary<string, string> settings) : IAsyncLifetime
{
    public AppFixture App { get; } = AppFixture.With(new Dictionary<string, string>(settings)
    {
        ["RateLimits:SignInWindow"] = "01:00:00",
        ["RateLimits:ApiWindow"] = "01:00:00",
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

public sealed class SignInLimitedApp() : RateLimitedApp(new Dictionary<string, string>
{
    ["RateLimits:SignInPerUserName"] = "3",
    ["RateLimits:SignInPerAddress"] = "6",
});

public sealed class ApiLimitedApp() : RateLimitedApp(new Dictionary<string, string> { ["RateLimits:ApiPerUser"] = "5" });

public sealed class TwoFactorLimitedApp() : RateLimitedApp(new Dictionary<string, string>
{
    ["RateLimits:SignInPerUserName"] = "5",
    ["RateLimits:SignInPerAddress"] = "1000",
});

/// <summary>Sign-in attempts are limited per user name and per address; the form then says so and keeps the e-mail.</summary>
public sealed class SignInRateLimitTests(SignInLimitedApp limited) : IClassFixture<SignInLimitedApp>
{
    private const string TooMany = "Liian monta kirjautumisyritystä.";

    [Fact]
    public async Task Login_OverUserNameThenAddressLimit_TooManyRequestsWithMessageAndEmailKept()
    {
        var app = limited.App;
        var client = app.NewClient();
        var email = $"ei.ole.{Guid.NewGuid():N}@demo.test";

        // Three attempts for one user name are answered as usual; the fourth is limited.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var failed = await client.PostLoginAsync(email, "Väärä-salasana-1!");
            failed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
            (await failed.ReadTextAsync()).ShouldNotContain(TooMany);
        }

        var limitedResponse = await client.PostLoginAsync(email, "Väärä-salasana-1!");
        limitedResponse.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limitedResponse.Headers.RetryAfter.ShouldNotBeNull();
        var html = await limitedResponse.ReadTextAsync();
        html.ShouldContain("data-testid=\"login-error\"");
        html.ShouldContain(TooMany);
        html.ShouldContain($"value=\"{email}\"");
        html.ShouldNotContain("Väärä-salasana-1!");

        // Other user names from the same address: two more fit into the address's six, then even the right password is limited.
        (await client.PostLoginAsync($"ei.ole.{Guid.NewGuid():N}@demo.test", "Väärä-salasana-1!")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostLoginAsync($"ei.ole.{Guid.NewGuid():N}@demo.test", "Väärä-salasana-1!")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var correct = await client.PostLoginAsync(DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.DemoPassword);
        correct.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        correct.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal));
    }
}

/// <summary>The JSON API is limited per signed-in user: 429 with localised problem details and Retry-After.</summary>
public sealed class ApiRateLimitTests(ApiLimitedApp limited) : IClassFixture<ApiLimitedApp>
{
    [Fact]
    public async Task Inbox_OverLimit_TooManyRequestsProblemForThatUserOnly()
    {
        var app = limited.App;
        var worker = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);
        var other = await app.SignedInClientAsync(DemoDataSeeder.WorkerNorthOstrobothnia);

        for (var call = 1; call <= 5; call++)
        {
            (await worker.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK, $"call {call}");
        }

        var response = await worker.GetAsync("/api/inbox");

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.ShouldNotBeNull();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
        json.RootElement.GetProperty("title").GetString().ShouldBe("Liian monta pyyntöä. Yritä hetken kuluttua uudelleen.");
        // Another user has a budget of their own.
        (await other.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The second sign-in step shares the sign-in form's limit for the user name: codes cannot be tried without end.</summary>
public sealed class TwoFactorRateLimitTests(TwoFactorLimitedApp limited) : IClassFixture<TwoFactorLimitedApp>
{
    [Fact]
    public async Task SecondStep_OverUserNameLimit_TooManyRequestsEvenForTheRightCode()
    {
        var app = limited.App;
        var admin = await app.NewAdminAsync();
        // Attempts 1 and 2 for this user name: the password, then the enrolment code.
        var (key, _) = await (await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password)).EnrolAsync();
        var client = app.NewClient();
        // 3: the password again; 4 and 5: wrong codes, answered as usual.
        (await client.PostLoginAsync(admin.Email!, TwoFactorSteps.Password)).RedirectTarget().ShouldBe("/account/login-2fa");
        (await client.PostSecondStepAsync(Totp.WrongCode(key))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostSecondStepAsync(Totp.WrongCode(key))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var limitedResponse = await client.PostSecondStepAsync(Totp.Code(key));

        limitedResponse.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limitedResponse.Headers.RetryAfter.ShouldNotBeNull();
        (await limitedResponse.ReadTextAsync()).ShouldContain("Liian monta kirjautumisyritystä.");
        limitedResponse.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal));
    }
}
