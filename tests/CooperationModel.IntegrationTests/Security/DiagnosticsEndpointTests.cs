using System.Net;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using CooperationModel.Web.Endpoints;

namespace CooperationModel.IntegrationTests.Security;

/// <summary>
/// The heap endpoint forces a full collection of the whole process: it exists only when a measuring run switches it on
/// (COOPERATIONMODEL_DIAGNOSTICS=1, never in Production). Without the switch, as here, the path leads nowhere.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DiagnosticsEndpointTests(AppFixture app)
{
    [Fact]
    public async Task HeapEndpoint_WithoutTheSwitch_NotFound()
    {
        Environment.GetEnvironmentVariable("COOPERATIONMODEL_DIAGNOSTICS").ShouldNotBe("1");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync(DiagnosticsEndpoints.HeapPath);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadTextAsync()).ShouldNotContain("liveBytes");
    }
}
