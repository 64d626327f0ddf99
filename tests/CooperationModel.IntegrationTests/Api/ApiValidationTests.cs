using System.Net;
using System.Text.Json;
using CooperationModel.Application.Common;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Api;

/// <summary>Bad input to the JSON API gets a 400 or 404 with problem details, never a 500.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiValidationTests(AppFixture app)
{
    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-3", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("status=Bogus", "status")]
    [InlineData("status=99", "status")]
    public async Task Inbox_InvalidQuery_ValidationProblem(string query, string field)
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync($"/api/inbox?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("status").GetInt32().ShouldBe(400);
        var errors = json.RootElement.GetProperty("errors");
        errors.ValueKind.ShouldBe(JsonValueKind.Object);
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"errors has no '{field}': {errors}");
        messages.GetArrayLength().ShouldBeGreaterThan(0);
    }

    /// <summary>The offset of such a page overflowed into a negative OFFSET, which PostgreSQL refused: a 500.</summary>
    [Theory]
    [InlineData("page=2147483647&pageSize=100", "page")]
    [InlineData("page=42949673&pageSize=100", "page")]
    [InlineData("page=21474837&pageSize=100", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("pageSize=99999999999", "pageSize")]
    [InlineData("search=a%00b", "search")]
    [InlineData("search=%01", "search")]
    [InlineData("status=Sent,Received", "status")]
    [InlineData("status=Sent&status=Received", "status")]
    [InlineData("status=%20Sent", "status")]
    [InlineData("ground=1", "ground")]
    [InlineData("order=NewestFirst,ClientName", "order")]
    [InlineData("mine=xyz", "mine")]
    [InlineData("mine=131052-308T", "mine")]
    [InlineData("overdue=1", "overdue")]
    public async Task Inbox_MalformedParameter_LocalisedValidationProblem(string query, string field)
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/inbox?{query}") { Headers = { { "Accept-Language", "sv" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("title").GetString().ShouldBe("Begäran är ogiltig.");
        json.RootElement.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(json.RootElement.ToString());
        messages.GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Inbox_SearchTooLong_SaysSoInTheCallersLanguage()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync($"/api/inbox?search={new string('a', ListRules.SearchMaxLength + 1)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("errors").GetProperty("search")[0].GetString().ShouldBe("Haku on liian pitkä: enintään 100 merkkiä.");
    }

    [Fact]
    public async Task Inbox_StatusListOfTwo_NotAnotherStatus()
    {
        // Sent (1) OR Received (2) was 3: the accepted referrals, with 200.
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync("/api/inbox?status=Sent,Received");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadTextAsync()).ShouldNotContain("\"Accepted\"");
    }

    [Theory]
    [InlineData("/api/inbox")]
    [InlineData("/api/inbox?page=0")]
    public async Task Api_Answers_NoStore(string path)
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync(path);

        // The API's own header, exactly: a response that renews the sign-in cookie carries the cookie handler's
        // "no-cache, no-store" too, which once hid that the API itself sent none.
        response.Headers.CacheControl?.ToString().ShouldBe("no-store", $"GET {path}");
    }

    [Fact]
    public async Task Referral_Shown_NoStore()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync($"/api/referrals/{sent.ReferralId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl?.ToString().ShouldBe("no-store");
    }

    [Fact]
    public async Task Inbox_NonNumericPage_BadRequestNot500()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync("/api/inbox?page=abc");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?page=1&pageSize=100")]
    [InlineData("?status=Accepted")]
    [InlineData("?status=received")]
    [InlineData("?search=010190-900P")]
    [InlineData("?search=%27%3B%20DROP%20TABLE%20referrals%3B--")]
    public async Task Inbox_ValidQuery_Ok(string query)
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync($"/api/inbox{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        json.RootElement.GetProperty("items").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task Referral_NotAGuid_NotFound()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync("/api/referrals/not-a-guid");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Referral_UnknownId_NotFoundProblem()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync($"/api/referrals/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("code").GetString().ShouldBe("Referral.NotFound");
    }
}
