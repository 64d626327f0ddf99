using Bunit;
using CooperationModel.Application.Messages.GetThreads;
using CooperationModel.Application.Messages.PostMessage;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Web.Components.Pages.Referrals.Parts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CooperationModel.Web.Tests.Messages;

public sealed class ReferralThreadsTests : ComponentTestContext
{
    private const string Text = "Onko asiakas tavoitettu?\nSoitan huomenna.";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly OrganisationName Kela = new(Guid.NewGuid(), OrganisationKind.KelaDistrict, "Eteläinen vakuutuspiiri", "Södra försäkringsdistriktet", "Southern insurance district");
    private static readonly OrganisationName Helsinki = new(Guid.NewGuid(), OrganisationKind.SocialServicesOrganiser, "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki");

    private readonly FakeThreads _threads = new();
    private readonly FakePost _post = new();
    private readonly Guid _referralId = Guid.NewGuid();

    public ReferralThreadsTests()
    {
        Services.AddSingleton<IGetThreadsHandler>(_threads);
        Services.AddSingleton<IPostMessageHandler>(_post);
        _threads.Answer = [new MessageThread(Helsinki, CanWrite: true, [])];
    }

    [Fact]
    public void Send_ServerRefuses_ShowsLocalisedErrorAndKeepsTheText()
    {
        _post.Answer = ReferralMessage.Errors.NotInThread;
        var threads = RenderThreads();
        TextField(threads).Change(Text);

        threads.Find("[data-testid=message-form]").Submit();

        threads.WaitForAssertion(() => threads.Find("[data-testid=form-error]").TextContent.ShouldBe("Organisaatiosi ei voi kirjoittaa tähän keskusteluun."));
        TextField(threads).GetAttribute("value").ShouldBe(Text);
        _post.Calls.ShouldHaveSingleItem().Body.ShouldBe(Text);
    }

    [Fact]
    public void Send_ServerRefusesAFile_ShowsItsErrorAndKeepsTextAndFiles()
    {
        _post.Answer = MessageAttachment.Errors.WrongType;
        var threads = RenderThreads();
        TextField(threads).Change(Text);
        Pick(threads, InputFileContent.CreateFromBinary(Png, "kuva.png", contentType: "image/png"));

        threads.Find("[data-testid=message-form]").Submit();

        threads.WaitForAssertion(() => threads.Markup.ShouldContain("Vain PDF-, JPEG- ja PNG-tiedostot kelpaavat"));
        TextField(threads).GetAttribute("value").ShouldBe(Text);
        threads.Find("[data-testid=message-chosen-files]").TextContent.ShouldContain("kuva.png");
    }

    [Fact]
    public void Send_Valid_SendsTextAndFilesThenClearsTheForm()
    {
        var threads = RenderThreads();
        TextField(threads).Change(Text);
        Pick(threads, InputFileContent.CreateFromBinary(Png, "kuva.png", contentType: "image/png"));

        threads.Find("[data-testid=message-form]").Submit();

        threads.WaitForAssertion(() => _post.Calls.ShouldHaveSingleItem());
        var sent = _post.Calls[0];
        (sent.ReferralId, sent.ToOrganisationId, sent.Body).ShouldBe((_referralId, Helsinki.Id, Text));
        sent.Attachments.ShouldHaveSingleItem().FileName.ShouldBe("kuva.png");
        sent.Attachments[0].Content.ShouldBe(Png);
        threads.WaitForAssertion(() => TextField(threads).GetAttribute("value").ShouldBeNullOrEmpty());
        threads.FindAll("[data-testid=message-chosen-files]").ShouldBeEmpty();
    }

    [Fact]
    public void Send_Empty_AsksForTextOrAFileWithoutCallingTheServer()
    {
        var threads = RenderThreads();

        threads.Find("[data-testid=message-form]").Submit();

        threads.WaitForAssertion(() => threads.Markup.ShouldContain("Kirjoita viesti tai liitä tiedosto."));
        _post.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Pick_TextFileNamedPdf_RefusedWithTheTypeErrorAndTheTextKept()
    {
        var threads = RenderThreads();
        TextField(threads).Change(Text);

        Pick(threads, InputFileContent.CreateFromText("ei pdf", "x.pdf", contentType: "application/pdf"));

        threads.WaitForAssertion(() => threads.Markup.ShouldContain("x.pdf: Vain PDF-, JPEG- ja PNG-tiedostot kelpaavat"));
        threads.FindAll("[data-testid=message-chosen-files]").ShouldBeEmpty();
        TextField(threads).GetAttribute("value").ShouldBe(Text);
    }

    [Fact]
    public void Pick_TooLargeFile_RefusedWithTheSizeError()
    {
        var threads = RenderThreads();

        Pick(threads, InputFileContent.CreateFromBinary(new byte[MessageAttachment.MaxBytes + 1], "iso.pdf", contentType: "application/pdf"));

        threads.WaitForAssertion(() => threads.Markup.ShouldContain("iso.pdf: Tiedosto on liian suuri (enintään 10 Mt)."));
        threads.FindAll("[data-testid=message-chosen-files]").ShouldBeEmpty();
    }

    [Fact]
    public void Pick_SixFiles_KeepsFiveAndSaysSo()
    {
        var threads = RenderThreads();

        Pick(threads, [.. Enumerable.Range(1, 6).Select(i => InputFileContent.CreateFromBinary(Png, $"kuva{i}.png", contentType: "image/png"))]);

        threads.WaitForAssertion(() => threads.Markup.ShouldContain("kuva6.png: Viestiin voi liittää enintään 5 tiedostoa."));
        threads.FindAll("[data-testid=message-chosen-files] li").Count.ShouldBe(5);
    }

    [Fact]
    public void Remove_ChosenFile_SendsWithoutIt()
    {
        var threads = RenderThreads();
        Pick(threads,
            InputFileContent.CreateFromBinary(Png, "pois.png", contentType: "image/png"),
            InputFileContent.CreateFromBinary(Png, "mukaan.png", contentType: "image/png"));

        threads.Find("[aria-label='Poista pois.png']").Click();
        threads.Find("[data-testid=message-form]").Submit();

        threads.WaitForAssertion(() => _post.Calls.ShouldHaveSingleItem().Attachments.Select(a => a.FileName).ShouldBe(["mukaan.png"]));
    }

    [Fact]
    public void Render_Messages_ShowsNewMarkerReadReceiptsAndAttachmentLinks()
    {
        var attachment = new AttachmentInfo(Guid.NewGuid(), "liite.pdf", AttachmentTypes.Pdf, 2048);
        var at = new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.Zero);
        _threads.Answer =
        [
            new MessageThread(Helsinki, CanWrite: true,
            [
                new ThreadMessage(Guid.NewGuid(), Kela, Mine: true, "Eeva Etelä", at, "Kysymys", at.AddHours(1), "Sari Sosiaali", IsNew: false, []),
                new ThreadMessage(Guid.NewGuid(), Kela, Mine: true, "Eeva Etelä", at.AddHours(2), "Toinen", null, null, IsNew: false, []),
                new ThreadMessage(Guid.NewGuid(), Helsinki, Mine: false, "Sari Sosiaali", at.AddHours(3), "Vastaus\nrivi 2", null, null, IsNew: true, [attachment]),
            ]),
        ];

        var threads = RenderThreads();

        var thread = threads.Find("[data-testid=thread]");
        thread.GetAttribute("data-org").ShouldBe(Helsinki.Id.ToString());
        thread.TextContent.ShouldContain("Viestit: Helsingin kaupunki");
        threads.FindAll("[data-testid=message-read]").Select(r => r.TextContent.Trim())
            .ShouldBe(["Luettu 2.3.2026 11:15 (Sari Sosiaali)", "Ei vielä luettu"]);
        threads.FindAll("[data-testid=message-new]").ShouldHaveSingleItem();
        threads.FindAll("[data-testid=message-body]")[2].TextContent.ShouldBe("Vastaus\nrivi 2");
        var link = threads.Find("[data-testid=message-attachment]");
        link.GetAttribute("href").ShouldBe($"referrals/{_referralId}/attachments/{attachment.Id}");
        link.HasAttribute("download").ShouldBeTrue();
        threads.FindAll("[data-testid=message-no-consent]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fi", 70, "(70 tavua)")]
    [InlineData("sv", 70, "(70 byte)")]
    [InlineData("en", 70, "(70 bytes)")]
    [InlineData("fi", 1023, "(1023 tavua)")]
    [InlineData("fi", 1024, "(1 kt)")]
    [InlineData("en", 2049, "(3 KB)")]
    [InlineData("fi", 1024 * 1024, "(1 Mt)")]
    public void Render_Attachment_ShowsItsSizeInTheReadersUnits(string culture, long bytes, string shown)
    {
        UseCulture(culture);
        var at = new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.Zero);
        var attachment = new AttachmentInfo(Guid.NewGuid(), "liite.png", AttachmentTypes.Png, bytes);
        _threads.Answer =
        [
            new MessageThread(Helsinki, CanWrite: true,
                [new ThreadMessage(Guid.NewGuid(), Helsinki, Mine: false, "Sari Sosiaali", at, "Liite", null, null, IsNew: false, [attachment])]),
        ];

        var threads = RenderThreads();

        threads.Find(".message-attachments .size").TextContent.Trim().ShouldBe(shown);
    }

    [Fact]
    public void Render_WithoutConsent_WarnsNotToDescribeTheSituation()
    {
        var threads = RenderThreads(consent: false);

        threads.Find("[data-testid=message-no-consent]").TextContent.ShouldContain("älä kuvaa viesteissä hänen tilannettaan");
    }

    [Fact]
    public void Render_EarlierThread_HasNoForm()
    {
        _threads.Answer = [new MessageThread(Helsinki, CanWrite: false, [])];

        var threads = RenderThreads();

        threads.FindAll("[data-testid=message-form]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_Prerendering_LeavesTheThreadsUnopened()
    {
        var threads = RenderThreads(interactive: false);

        _threads.Calls.ShouldBe(0);
        threads.FindAll("[data-testid=thread]").ShouldBeEmpty();
    }

    private IRenderedComponent<ReferralThreads> RenderThreads(bool consent = true, bool interactive = true)
    {
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        Render<MudPopoverProvider>();
        return Render<ReferralThreads>(parameters => parameters.Add(p => p.Referral, Referral(consent)));
    }

    private static void Pick(IRenderedComponent<ReferralThreads> threads, params InputFileContent[] files) =>
        threads.FindComponent<InputFile>().UploadFiles(files);

    private static AngleSharp.Dom.IElement TextField(IRenderedComponent<ReferralThreads> threads) =>
        threads.Find("textarea[data-testid=message-text]");

    private ReferralDetails Referral(bool consent) =>
        new(_referralId, Guid.NewGuid(), Kela.Id, Helsinki.Id, "Testi Asiakas", PersonalIdentityCode.Parse("010190-900P").Value, "091",
            ReferralGround.ObviousNeedForSocialCare, consent, null, ReferralStatus.Accepted, DateTimeOffset.UtcNow, "Eeva Etelä",
            null, null, null, null)
        {
            Consent = consent ? ConsentRecord.GivenIn(ConsentMethod.InPerson, new DateOnly(2026, 3, 1)) : ConsentRecord.NotGiven,
        };

    private sealed class FakeThreads : IGetThreadsHandler
    {
        public IReadOnlyList<MessageThread> Answer { get; set; } = [];

        public int Calls { get; private set; }

        public Task<Result<IReadOnlyList<MessageThread>>> HandleAsync(Guid referralId, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(Result<IReadOnlyList<MessageThread>>.Success(Answer));
        }

        public Task<Result<IReadOnlyList<MessageThread>>> RefreshAsync(Guid referralId, CancellationToken cancellationToken = default) =>
            HandleAsync(referralId, cancellationToken);
    }

    private sealed class FakePost : IPostMessageHandler
    {
        public List<PostMessageCommand> Calls { get; } = [];

        public Result<Guid>? Answer { get; set; }

        public Task<Result<Guid>> HandleAsync(PostMessageCommand command, CancellationToken cancellationToken = default)
        {
            Calls.Add(command);
            return Task.FromResult(Answer ?? Result<Guid>.Success(Guid.NewGuid()));
        }
    }
}
