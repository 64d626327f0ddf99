using System.Net;
using System.Text.RegularExpressions;
using CooperationModel.Domain.Model;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Model;

/// <summary>
/// The model as the app serves it to a signed-in user of every role: the pages show what the seeds give (six stages,
/// four client types, four operating environments, five grounds, seven acts), in the user's language.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class ModelContentPageTests(AppFixture app)
{
    public static TheoryData<string> Users => new(DemoDataSeeder.Users.Where(u => u.Role != Domain.Organisations.UserRole.OrganisationAdmin).Select(u => u.Email));

    [Theory]
    [MemberData(nameof(Users))]
    public async Task ModelPage_EveryRole_ShowsTheSeedsCounts(string email)
    {
        var client = await app.SignedInClientAsync(email);
        var html = await client.GetPageAsync("/model");
        Count(html, "data-testid=\"model-stage-link\"").ShouldBe(6);
        Count(html, "aria-labelledby=\"client-type-").ShouldBe(4);
        Count(html, "aria-labelledby=\"environment-").ShouldBe(4);
        Count(html, "data-testid=\"model-ground\"").ShouldBe(5);
        html.ShouldContain("Daniel Digityyppi");
        html.ShouldContain("Laki toimeentulotuesta");
        html.ShouldContain("1412/1997");
    }

    [Fact]
    public async Task StagePage_Swedish_ShowsTheSwedishTextAndMarksFinnishOnly()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);
        (await client.GetAsync("/culture/set?culture=sv&redirectUri=%2F")).StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.OK);
        var html = await client.GetPageAsync("/model/stages/Decision?version=1.0");
        var main = html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..];
        main.ShouldContain("Förmånshanterare löser ärendet och skriver beslutet.", customMessage: main[..Math.Min(main.Length, 3000)]);
        // The Decision ideas exist in Finnish only: shown in Finnish, marked as such.
        html.ShouldContain("lang=\"fi\"");
        html.ShouldContain("Päätösten oikeellisuus");
    }

    [Fact]
    public async Task StagePage_EveryStage_ShowsItsActorsAndIdeas()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);
        foreach (var stage in CooperationModelContent.V1.Stages)
        {
            var html = await client.GetPageAsync($"/model/stages/{stage.Stage}?version=1.0");
            Count(html, "data-testid=\"model-actor\"").ShouldBe(stage.Actors.Count, stage.Stage.ToString());
            if (stage.Ideas.Count > 0)
            {
                html.ShouldContain(stage.Ideas[0].Fi!);
            }
        }
    }

    [Theory]
    [InlineData("/model/stages/7")]
    [InlineData("/model/stages/Nope")]
    [InlineData("/model/stages/Guidance?version=9.9")]
    public async Task StagePage_UnknownStageOrVersion_SaysSo(string path)
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);
        (await client.GetPageAsync(path)).ShouldContain("data-testid=\"model-stage-not-found\"");
    }

    private static int Count(string html, string marker) => Regex.Matches(html, Regex.Escape(marker)).Count;
}
