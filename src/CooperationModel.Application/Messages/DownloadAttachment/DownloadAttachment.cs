using CooperationModel.Application.AccessLog;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Messages.DownloadAttachment;

/// <summary>A stored file: its bytes, its type as read from the bytes when it was sent, and its cleaned name.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

public interface IDownloadAttachmentHandler
{
    Task<Result<AttachmentFile>> HandleAsync(Guid referralId, Guid attachmentId, CancellationToken cancellationToken = default);
}

/// <summary>
/// A file of a message on a referral, only through a message the viewer's organisation sent or received on a
/// referral it still sees (the files have no tenant filter of their own: their message's decides).
/// </summary>
public sealed class DownloadAttachmentHandler(IAppDbContextFactory dbFactory, ICurrentUser user, IAccessLog accessLog) : IDownloadAttachmentHandler
{
    public static NotFoundError NotFound => new("Attachment.NotFound");

    public async Task<Result<AttachmentFile>> HandleAsync(Guid referralId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        if (!user.WorksWithClients)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var found = await db.Messages
            .Where(m => m.ReferralId == referralId && db.Referrals.Any(r => r.Id == m.ReferralId))
            .SelectMany(m => m.Attachments)
            .Where(a => a.Id == attachmentId)
            .Select(a => new
            {
                File = new AttachmentFile(a.FileName, a.ContentType, a.Content),
                Client = db.Referrals.Where(r => r.Id == referralId).Select(r => r.ClientIdentityCode).First(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            accessLog.Denied(db, AccessRecordType.Attachment, attachmentId);
            await db.SaveChangesAsync(cancellationToken);
            return NotFound;
        }

        accessLog.Viewed(db, AccessRecordType.Attachment, attachmentId, found.Client);
        await db.SaveChangesAsync(cancellationToken);
        return found.File;
    }
}
