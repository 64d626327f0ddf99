using System.Text;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Messages;

/// <summary>PDF, JPEG and PNG files up to 10 MB, their type read from the bytes, stored with the message and logged as disclosed.</summary>
[Collection(AppCollection.Name)]
public sealed class MessageAttachmentTests(AppFixture app)
{
    private readonly MessageSteps _steps = new(app);

    [Fact]
    public async Task PostMessage_RealPngAndPdf_StoredWithTheTypeOfTheirBytes()
    {
        var referralId = await _steps.SendAsync();

        var messageId = await _steps.PostOkAsync(
            DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, null,
            new AttachmentUpload("skannaus.pdf", MessageSteps.Png), new AttachmentUpload(@"C:\temp\lausunto.PDF", MessageSteps.Pdf));

        var message = await _steps.MessageAsync(DemoDataSeeder.WorkerHelsinki, referralId, messageId);
        message.Body.ShouldBeEmpty();
        message.Attachments.Select(a => (a.FileName, a.ContentType, a.SizeBytes)).ShouldBe(
            [("skannaus.png", AttachmentTypes.Png, MessageSteps.Png.Length), ("lausunto.pdf", AttachmentTypes.Pdf, MessageSteps.Pdf.Length)],
            ignoreOrder: true);
    }

    [Fact]
    public async Task PostMessage_TextFileNamedPdf_WrongTypeAndNothingStored()
    {
        var referralId = await _steps.SendAsync();

        var posted = await _steps.PostAsync(
            DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, "Liite mukana",
            new AttachmentUpload("x.pdf", Encoding.UTF8.GetBytes("Tämä ei ole PDF.")));

        posted.ShouldFailWith<ValidationError>("Attachment.WrongType").Field.ShouldBe("Attachments");
        (await _steps.ThreadsOkAsync(DemoDataSeeder.HandlerSouth, referralId)).ShouldHaveSingleItem().Messages.ShouldBeEmpty();
        (await _steps.MessageDisclosuresAsync(referralId, MessageSteps.Southern)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PostMessage_TenMegabytesAndOneByte_TooLarge()
    {
        var referralId = await _steps.SendAsync();
        var content = new byte[MessageAttachment.MaxBytes + 1];
        MessageSteps.Pdf.CopyTo(content, 0);

        var posted = await _steps.PostAsync(
            DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, null, new AttachmentUpload("iso.pdf", content));

        posted.ShouldFailWith<ValidationError>("Attachment.TooLarge");
    }

    [Fact]
    public async Task PostMessage_TenMegabytes_Accepted()
    {
        var referralId = await _steps.SendAsync();
        var content = new byte[MessageAttachment.MaxBytes];
        MessageSteps.Pdf.CopyTo(content, 0);

        var messageId = await _steps.PostOkAsync(
            DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, null, new AttachmentUpload("iso.pdf", content));

        (await _steps.MessageAsync(DemoDataSeeder.HandlerSouth, referralId, messageId)).Attachments.ShouldHaveSingleItem().SizeBytes
            .ShouldBe(MessageAttachment.MaxBytes);
    }

    [Fact]
    public async Task PostMessage_SixFiles_TooManyAttachments()
    {
        var referralId = await _steps.SendAsync();

        var posted = await _steps.PostAsync(
            DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, null,
            [.. Enumerable.Range(1, 6).Select(i => new AttachmentUpload($"kuva{i}.png", MessageSteps.Png))]);

        posted.ShouldFailWith<ValidationError>("Message.TooManyAttachments");
    }

    [Fact]
    public async Task PostMessage_WithConsent_DisclosureOfMessageAndAttachmentOnTheConsent()
    {
        var referralId = await _steps.SendAsync(consent: true);

        await _steps.PostOkAsync(
            DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, "Lausunto liitteenä", new AttachmentUpload("lausunto.pdf", MessageSteps.Pdf));

        var disclosure = (await _steps.MessageDisclosuresAsync(referralId, MessageSteps.Southern)).ShouldHaveSingleItem();
        disclosure.ShouldSatisfyAllConditions(
            d => d.What.ShouldBe(DisclosedData.Message | DisclosedData.Attachment),
            d => d.Basis.ShouldBe(LegalBasis.ClientConsent),
            d => d.FromOrganisationId.ShouldBe(MessageSteps.Southern),
            d => d.ToOrganisationId.ShouldBe(MessageSteps.CityOfHelsinki),
            d => d.ByName.ShouldBe(DemoDataSeeder.HandlerSouth.DisplayName));
    }

    [Fact]
    public async Task PostMessage_WithoutConsent_DisclosureOnTheGroundsBasisOrSection41InTheForwardThread()
    {
        var referralId = await _steps.SendAsync(consent: false);
        await _steps.ForwardToHealthCareAsync(referralId);

        await _steps.PostOkAsync(DemoDataSeeder.WorkerHelsinki, referralId, MessageSteps.Southern, "Vastaus");
        await _steps.PostOkAsync(DemoDataSeeder.WorkerHelsinki, referralId, MessageSteps.HealthCareHelsinki, null, new AttachmentUpload("kuva.png", MessageSteps.Png));

        var logged = await _steps.MessageDisclosuresAsync(referralId, MessageSteps.CityOfHelsinki);
        logged.Select(d => (d.ToOrganisationId, d.What, d.Basis)).ShouldBe(
        [
            (MessageSteps.Southern, DisclosedData.Message, ReferralGround.ObviousNeedForSocialCare.LegalBasisOf()),
            (MessageSteps.HealthCareHelsinki, DisclosedData.Attachment, LegalBasis.SocialWelfareAct41),
        ]);
    }
}
