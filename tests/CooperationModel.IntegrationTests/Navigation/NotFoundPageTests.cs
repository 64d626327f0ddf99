using System.Net;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Navigation;

/// <summary>An address that leads nowhere gets the app's own not-found page with status 404.</summary>
[Collection(AppCollection.Name)]
public sealed class NotFoundPageTests(AppFixture app)
{
    [Fact]
    public async Task NotFoundPage_Direct_Renders()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var html = await client.GetPageAsync("/not-found");

        html.ShouldContain("Sivua ei ole olemassa.");
    }

    [Fact]
    public async Task UnknownPage_SignedIn_FriendlyNotFoundPage()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync($"/no-such-page-{Guid.NewGuid():N}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadTextAsync()).ShouldContain("Sivua ei ole olemassa.");
    }
}
