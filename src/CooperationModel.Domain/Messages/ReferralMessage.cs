using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Messages;

/// <summary>
/// A message on a referral's thread between two organisations of its chain: Kela and social services, or social
/// services and a partner it forwarded to. Only those two see it. Personal data: never log the body or a file.
/// </summary>
public sealed class ReferralMessage
{
    public const int BodyMaxLength = 4000;
    public const int MaxAttachments = 5;

    private readonly List<MessageAttachment> _attachments = [];

    private ReferralMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public Guid FromOrganisationId { get; private set; }

    public Guid ToOrganisationId { get; private set; }

    public Guid SentByUserId { get; private set; }

    public string SentByName { get; private set; } = "";

    public DateTimeOffset SentAt { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>When someone of the receiving organisation first opened the thread (the unread marker clears).</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public string? ReadByName { get; private set; }

    public IReadOnlyList<MessageAttachment> Attachments => _attachments;

    public static class Errors
    {
        public static ValidationError Empty => new("Message.Empty") { Field = "Body" };
        public static ValidationError TooLong => new("Message.TooLong") { Field = "Body" };
        public static ValidationError TooManyAttachments => new("Message.TooManyAttachments") { Field = "Attachments" };
        public static ForbiddenError NotInThread => new("Message.NotInThread");
    }

    internal static Result<ReferralMessage> Create(
        Guid referralId, Actor sender, Guid toOrganisationId, string? body, IReadOnlyList<AttachmentUpload> uploads, DateTimeOffset at)
    {
        var errors = new List<Error>();
        var text = body?.Trim() ?? "";
        if (text.Length == 0 && uploads.Count == 0)
        {
            errors.Add(Errors.Empty);
        }

        if (text.Length > BodyMaxLength)
        {
            errors.Add(Errors.TooLong);
        }

        if (uploads.Count > MaxAttachments)
        {
            errors.Add(Errors.TooManyAttachments);
        }

        var message = new ReferralMessage
        {
            Id = Guid.CreateVersion7(at),
            ReferralId = referralId,
            FromOrganisationId = sender.OrganisationId,
            ToOrganisationId = toOrganisationId,
            SentByUserId = sender.UserId,
            SentByName = sender.DisplayName,
            SentAt = at,
            Body = text,
        };

        foreach (var upload in uploads)
        {
            var attachment = MessageAttachment.Create(message.Id, upload, at);
            if (attachment.TryGetValue(out var accepted))
            {
                message._attachments.Add(accepted);
            }
            else
            {
                errors.AddRange(attachment.Errors);
            }
        }

        return errors.Count == 0 ? message : Result<ReferralMessage>.Failure(errors);
    }

    /// <summary>Someone of the receiving organisation read it. Returns whether anything changed.</summary>
    public bool MarkRead(Actor reader, DateTimeOffset at)
    {
        if (reader.OrganisationId != ToOrganisationId || ReadAt is not null)
        {
            return false;
        }

        ReadAt = at;
        ReadByName = reader.DisplayName;
        return true;
    }
}

/// <summary>A file the user picked: the name it had and its bytes. Its type is decided from the bytes, never the name.</summary>
public sealed record AttachmentUpload(string FileName, byte[] Content);

/// <summary>A PDF, JPEG or PNG file of at most 10 MB on a message, stored in the database with it.</summary>
public sealed class MessageAttachment
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 200;

    private MessageAttachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid MessageId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>application/pdf, image/jpeg or image/png, as read from the content.</summary>
    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public byte[] Content { get; private set; } = [];

    public static class Errors
    {
        public static ValidationError TooLarge => new("Attachment.TooLarge") { Field = "Attachments" };
        public static ValidationError EmptyFile => new("Attachment.Empty") { Field = "Attachments" };
        public static ValidationError WrongType => new("Attachment.WrongType") { Field = "Attachments" };
    }

    internal static Result<MessageAttachment> Create(Guid messageId, AttachmentUpload upload, DateTimeOffset at)
    {
        if (upload.Content.Length == 0)
        {
            return Errors.EmptyFile;
        }

        if (upload.Content.LongLength > MaxBytes)
        {
            return Errors.TooLarge;
        }

        if (AttachmentTypes.Detect(upload.Content) is not { } contentType)
        {
            return Errors.WrongType;
        }

        return new MessageAttachment
        {
            Id = Guid.CreateVersion7(at),
            MessageId = messageId,
            FileName = AttachmentTypes.SafeFileName(upload.FileName, contentType),
            ContentType = contentType,
            SizeBytes = upload.Content.LongLength,
            Content = upload.Content,
        };
    }
}

/// <summary>The three accepted file types, recognised by their leading bytes (magic numbers).</summary>
public static class AttachmentTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(PdfMagic) ? Pdf
        : content.StartsWith(JpegMagic) ? Jpeg
        : content.StartsWith(PngMagic) ? Png
        : null;

    /// <summary>
    /// The file name without any folder part or control characters, at most <see cref="MessageAttachment.FileNameMaxLength"/>
    /// characters, ending in the extension of its real type.
    /// </summary>
    public static string SafeFileName(string? fileName, string contentType)
    {
        var extension = contentType switch { Pdf => ".pdf", Jpeg => ".jpg", _ => ".png" };
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim();
        var stem = Path.GetFileNameWithoutExtension(name);
        var current = Path.GetExtension(name).ToLowerInvariant();
        var fits = current == extension || (extension == ".jpg" && current == ".jpeg");
        var ending = fits ? current : extension;
        if (stem.Length == 0)
        {
            stem = "liite";
        }

        var room = FileNameMax - ending.Length;
        if (stem.Length > room)
        {
            // Never cut between the two halves of a surrogate pair (e.g. an emoji).
            stem = char.IsHighSurrogate(stem[room - 1]) ? stem[..(room - 1)] : stem[..room];
        }

        return stem + ending;
    }

    private const int FileNameMax = MessageAttachment.FileNameMaxLength;
}
