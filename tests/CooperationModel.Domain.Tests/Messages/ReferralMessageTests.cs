using CooperationModel.Domain.Common;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Tests.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Messages;

/// <summary>
/// Messages on a referral go between two counterparts of its chain only; a message has a body, files or both, and a
/// file must really be a PDF, JPEG or PNG of at most 10 MB.
/// </summary>
public class ReferralMessageTests
{
    private static readonly byte[] PdfBytes = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray();
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    private readonly LoopSteps _steps = new();

    [Fact]
    public void PostMessage_KelaToTheReceiver_CreatesTheMessage()
    {
        var referral = _steps.Send();

        var message = referral.PostMessage(_steps.Handler, CityOfHelsinki.Id, "Onko asiakas tavoitettu?", [], Later).Value;

        message.Id.ShouldNotBe(Guid.Empty);
        message.ReferralId.ShouldBe(referral.Id);
        message.FromOrganisationId.ShouldBe(Southern.Id);
        message.ToOrganisationId.ShouldBe(CityOfHelsinki.Id);
        message.SentByUserId.ShouldBe(_steps.Handler.UserId);
        message.SentByName.ShouldBe("Kaisa Käsittelijä");
        message.SentAt.ShouldBe(Later);
        message.Body.ShouldBe("Onko asiakas tavoitettu?");
        message.Attachments.ShouldBeEmpty();
        message.ReadAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Worker), "Southern")]
    [InlineData(nameof(LoopSteps.Worker), "HealthCare")]
    [InlineData(nameof(LoopSteps.Nurse), "Helsinki")]
    public void PostMessage_ToACounterpart_Allowed(string from, string to)
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);

        var message = referral.PostMessage(Person(from), Organisation(to), "Viesti.", [], Later).Value;

        message.FromOrganisationId.ShouldBe(Person(from).OrganisationId);
        message.ToOrganisationId.ShouldBe(Organisation(to));
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Handler), "HealthCare")] // Kela to a partner
    [InlineData(nameof(LoopSteps.Nurse), "Southern")] // a partner to Kela
    [InlineData(nameof(LoopSteps.Nurse), "YouthWork")] // partner to partner
    [InlineData(nameof(LoopSteps.Worker), "YouthWork")] // a partner not forwarded to
    [InlineData(nameof(LoopSteps.WestWorker), "Helsinki")] // an outsider
    [InlineData(nameof(LoopSteps.YouthWorker), "Helsinki")] // an outsider partner
    [InlineData(nameof(LoopSteps.Handler), "Southern")] // to itself
    public void PostMessage_NotToACounterpart_FailsWithNotInThread(string from, string to)
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);

        var result = referral.PostMessage(Person(from), Organisation(to), "Viesti.", [], Later);

        result.Errors.ShouldHaveSingleItem().ShouldBeOfType<ForbiddenError>().Code.ShouldBe("Message.NotInThread");
    }

    [Fact]
    public void PostMessage_OldReceiverAfterReroute_FailsWithNotInThread()
    {
        var referral = _steps.Rerouted();

        referral.PostMessage(_steps.Worker, Southern.Id, "Viesti.", [], Last).FirstError.ShouldBe(ReferralMessage.Errors.NotInThread);
    }

    [Fact]
    public void PostMessage_OldReceiversPartnerToTheNewReceiverAfterReroute_FailsWithNotInThread()
    {
        var referral = ReferralForwardTests.ReroutedAfterAFinishedForward(_steps);

        var result = referral.PostMessage(_steps.Nurse, WestUusimaaId, "Viesti.", [], Last);

        result.Errors.ShouldHaveSingleItem().ShouldBe(ReferralMessage.Errors.NotInThread);
    }

    [Fact]
    public void PostMessage_Body_StoredTrimmed() =>
        Post("  \n Hei! \t ").Value.Body.ShouldBe("Hei!");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n\t ")]
    public void PostMessage_EmptyBodyWithoutFiles_FailsWithEmpty(string? body) =>
        ShouldFailWith(Post(body), "Message.Empty", "Body");

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void PostMessage_EmptyBodyWithAFile_SentWithEmptyBody(string? body)
    {
        var message = Post(body, File("päätös.pdf", PdfBytes)).Value;

        message.Body.ShouldBe("");
        message.Attachments.ShouldHaveSingleItem();
    }

    [Fact]
    public void PostMessage_BodyOfMaxLengthWithSurroundingSpaces_Allowed() =>
        Post($"  {new string('a', ReferralMessage.BodyMaxLength)}\n").Value.Body.Length.ShouldBe(4000);

    [Fact]
    public void PostMessage_BodyLongerThanMax_FailsWithTooLong() =>
        ShouldFailWith(Post(new string('a', 4001)), "Message.TooLong", "Body");

    [Fact]
    public void PostMessage_FiveFiles_Allowed() =>
        Post(null, [.. Enumerable.Range(1, 5).Select(i => File($"{i}.pdf", PdfBytes))]).Value.Attachments.Count.ShouldBe(5);

    [Fact]
    public void PostMessage_SixFiles_FailsWithTooManyAttachments() =>
        ShouldFailWith(Post("Liitteet.", [.. Enumerable.Range(1, 6).Select(i => File($"{i}.pdf", PdfBytes))]), "Message.TooManyAttachments", "Attachments");

    [Fact]
    public void PostMessage_EmptyFile_FailsWithAttachmentEmpty() =>
        ShouldFailWith(Post("Liite.", File("tyhjä.pdf", [])), "Attachment.Empty", "Attachments");

    [Fact]
    public void PostMessage_FileOfTenMegabytes_Allowed() =>
        Post("Liite.", File("iso.pdf", Sized(PdfBytes, 10 * 1024 * 1024))).Value.Attachments[0].SizeBytes.ShouldBe(10 * 1024 * 1024);

    [Fact]
    public void PostMessage_FileOverTenMegabytes_FailsWithTooLarge() =>
        ShouldFailWith(Post("Liite.", File("iso.pdf", Sized(PdfBytes, (10 * 1024 * 1024) + 1))), "Attachment.TooLarge", "Attachments");

    [Theory]
    [InlineData("x.pdf", "4D5A90000300000004000000")] // a Windows executable ("MZ") named as a PDF
    [InlineData("x.pdf", "48656C6C6F2C20776F726C6421")] // plain text
    [InlineData("kuva.png", "474946383961")] // a GIF
    [InlineData("x.pdf", "255044")] // only the start of a PDF signature
    public void PostMessage_FileNotPdfJpegOrPng_FailsWithWrongType(string fileName, string hex) =>
        ShouldFailWith(Post("Liite.", File(fileName, Convert.FromHexString(hex))), "Attachment.WrongType", "Attachments");

    [Fact]
    public void PostMessage_SeveralBadFiles_ReportsEach()
    {
        var result = Post("Liitteet.", File("tyhjä.pdf", []), File("ohjelma.pdf", [0x4D, 0x5A]), File("ok.pdf", PdfBytes));

        result.Errors.ShouldBe([MessageAttachment.Errors.EmptyFile, MessageAttachment.Errors.WrongType]);
    }

    [Fact]
    public void PostMessage_PdfFile_StoredWithItsBytesSizeAndType()
    {
        var message = Post("Liite.", File("päätös.pdf", PdfBytes)).Value;

        var attachment = message.Attachments.ShouldHaveSingleItem();
        attachment.Id.ShouldNotBe(Guid.Empty);
        attachment.MessageId.ShouldBe(message.Id);
        attachment.FileName.ShouldBe("päätös.pdf");
        attachment.ContentType.ShouldBe("application/pdf");
        attachment.SizeBytes.ShouldBe(PdfBytes.Length);
        attachment.Content.ShouldBe(PdfBytes);
    }

    [Fact]
    public void PostMessage_PngBytesNamedPdf_StoredAsPngWithPngName()
    {
        var attachment = Post("Kuva.", File("skannaus.pdf", PngBytes)).Value.Attachments.ShouldHaveSingleItem();

        attachment.ContentType.ShouldBe("image/png");
        attachment.FileName.ShouldBe("skannaus.png");
    }

    [Fact]
    public void PostMessage_FileNameWithFolders_StoredWithoutThem() =>
        Post("Liite.", File("C:\\Users\\kaisa\\Desktop\\päätös.pdf", PdfBytes)).Value.Attachments[0].FileName.ShouldBe("päätös.pdf");

    [Fact]
    public void MarkRead_ByTheReceivingOrganisation_MarksRead()
    {
        var message = Post("Hei!").Value;

        message.MarkRead(_steps.OtherWorker, Latest).ShouldBeTrue();

        message.ReadAt.ShouldBe(Latest);
        message.ReadByName.ShouldBe("Olli Ohjaaja");
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Handler))]
    [InlineData(nameof(LoopSteps.WestWorker))]
    [InlineData(nameof(LoopSteps.Nurse))]
    public void MarkRead_NotTheReceivingOrganisation_ChangesNothing(string who)
    {
        var message = Post("Hei!").Value;

        message.MarkRead(Person(who), Latest).ShouldBeFalse();

        message.ReadAt.ShouldBeNull();
        message.ReadByName.ShouldBeNull();
    }

    [Fact]
    public void MarkRead_Again_KeepsTheFirstReader()
    {
        var message = Post("Hei!").Value;
        message.MarkRead(_steps.Worker, Latest).ShouldBeTrue();

        message.MarkRead(_steps.OtherWorker, Last).ShouldBeFalse();

        message.ReadAt.ShouldBe(Latest);
        message.ReadByName.ShouldBe("Sanna Sosiaalityöntekijä");
    }

    /// <summary>Kela writes to City of Helsinki on a referral sent with consent.</summary>
    private Result<ReferralMessage> Post(string? body, params AttachmentUpload[] files) =>
        _steps.Send().PostMessage(_steps.Handler, CityOfHelsinki.Id, body, files, Later);

    private static AttachmentUpload File(string name, byte[] content) => new(name, content);

    /// <summary>A file of exactly <paramref name="size"/> bytes that starts with <paramref name="start"/>.</summary>
    private static byte[] Sized(byte[] start, int size)
    {
        var content = new byte[size];
        start.CopyTo(content, 0);
        return content;
    }

    private Actor Person(string who) => who switch
    {
        nameof(LoopSteps.Handler) => _steps.Handler,
        nameof(LoopSteps.Worker) => _steps.Worker,
        nameof(LoopSteps.WestWorker) => _steps.WestWorker,
        nameof(LoopSteps.Nurse) => _steps.Nurse,
        nameof(LoopSteps.YouthWorker) => _steps.YouthWorker,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "No such person in the loop."),
    };

    private static Guid Organisation(string name) => name switch
    {
        "Southern" => Southern.Id,
        "Helsinki" => CityOfHelsinki.Id,
        "HealthCare" => HelsinkiHealthCareId,
        "YouthWork" => HelsinkiYouthWorkId,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such organisation in the loop."),
    };

    private static void ShouldFailWith(Result result, string code, string field)
    {
        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(field);
    }
}
