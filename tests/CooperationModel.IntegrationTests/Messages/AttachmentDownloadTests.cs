using System.Net;
using CooperationModel.Domain.Messages;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Messages;

/// <summary>GET /referrals/{id}/attachments/{id}: the file for the two organisations of its thread, 404 for everyone else.</summary>
[Collection(AppCollection.Name)]
public sealed class AttachmentDownloadTests(AppFixture app)
{
    private readonly MessageSteps _steps = new(app);

    [Theory]
    [MemberData(nameof(Parties))]
    public async Task Download_PartyOfTheThread_TheFileAsADownloadNeverSniffed(string email)
    {
        var (referralId, attachmentId) = await SendPngAsync();
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync(Url(referralId, attachmentId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(AttachmentTypes.Png);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        var disposition = response.Content.Headers.ContentDisposition.ShouldNotBeNull();
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe("kuva ääkköset.png");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(MessageSteps.Png);
    }

    public static TheoryData<string> Parties => new() { DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.WorkerHelsinki.Email };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Download_AnotherOrganisation_NotFoundProblem(string email)
    {
        var (referralId, attachmentId) = await SendPngAsync(forward: true);
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync(Url(referralId, attachmentId));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("code").GetString().ShouldBe("Attachment.NotFound");
    }

    /// <summary>Another organiser, another district, and health care: in the chain, but not in Kela's thread.</summary>
    public static TheoryData<string> Outsiders => new()
    {
        DemoDataSeeder.WorkerNorthOstrobothnia.Email, DemoDataSeeder.HandlerNorth.Email, DemoDataSeeder.HealthCareHelsinki.Email,
    };

    [Fact]
    public async Task Download_UnderAnotherReferral_NotFound()
    {
        var (_, attachmentId) = await SendPngAsync();
        var otherReferral = await _steps.SendAsync();
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);

        var response = await client.GetAsync(Url(otherReferral, attachmentId));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Download_NotSignedIn_SentToSignIn()
    {
        var (referralId, attachmentId) = await SendPngAsync();

        var response = await app.NewClient().GetAsync(Url(referralId, attachmentId));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldStartWith("/account/login");
    }

    private static string Url(Guid referralId, Guid attachmentId) => $"/referrals/{referralId}/attachments/{attachmentId}";

    /// <summary>Kela sends Helsinki a PNG with a name that needs encoding; optionally the referral is forwarded to health care.</summary>
    private async Task<(Guid ReferralId, Guid AttachmentId)> SendPngAsync(bool forward = false)
    {
        var referralId = await _steps.SendAsync();
        if (forward)
        {
            await _steps.ForwardToHealthCareAsync(referralId);
        }

        var messageId = await _steps.PostOkAsync(
            DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, "Kuva liitteenä", new AttachmentUpload("kuva \"ääkköset\".png", MessageSteps.Png));
        var message = await _steps.MessageAsync(DemoDataSeeder.HandlerSouth, referralId, messageId);
        return (referralId, message.Attachments.ShouldHaveSingleItem().Id);
    }
}
