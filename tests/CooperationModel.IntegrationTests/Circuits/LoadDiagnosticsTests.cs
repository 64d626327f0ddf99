using CooperationModel.IntegrationTests.Support;
using CooperationModel.Web.Endpoints;

namespace CooperationModel.IntegrationTests.Circuits;

/// <summary>The load profile's diagnostics endpoint (it forces a full GC) is not there unless the load profile asks for it.</summary>
[Collection(AppCollection.Name)]
public sealed class LoadDiagnosticsTests(AppFixture app)
{
    [Fact]
    public async Task The_app_has_no_diagnostics_endpoint_outside_the_load_profile()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(LoadDiagnosticsEndpoints.Path);

        // An unknown path gets the app's friendly not-found page (HTML), never the figures of a forced GC.
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("heapSizeBytes");
    }
}
