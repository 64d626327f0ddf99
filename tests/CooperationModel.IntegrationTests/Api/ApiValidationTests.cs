using System.Net;
using System.Text.Json;
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
