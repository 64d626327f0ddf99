using CooperationModel.IntegrationTests.Support;
using CooperationModel.Web.Endpoints;

namespace CooperationModel.IntegrationTests.Circuits;

/// <summary>The load profile's diagnostics endpoints (one forces a full GC) are not there unless the load profile asks for them.</summary>
[Collection(AppCollection.Name)]
public sealed class LoadDiagnosticsTests(AppFixture app)
{
    [Theory]
    [InlineData(LoadDiagnosticsEndpoints.Path, "heapSizeBytes")]
    [InlineData(LoadDiagnosticsEndpoints.CpuPath, "cpuMilliseconds")]
    public async Task The_app_has_no_diagnostics_endpoint_outside_the_load_profile(string path, string figure)
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(path);

        // An unknown path gets the app's friendly not-found page (HTML), never the server's figures.
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(figure);
    }
}
