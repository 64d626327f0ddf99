using CooperationModel.Application.AccessLog;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Application.Messages.PostMessage;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Messages.GetThreads;

/// <summary>An organisation's name in the three languages.</summary>

/// <summary>A file on a message: what the thread shows of it, never its bytes.</summary>
public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long SizeBytes);

/// <summary>
/// One message as the viewer sees it. <see cref="ReadAt"/> is as it stood when the thread was opened;
/// <see cref="IsNew"/> says it was addressed to the viewer's organisation and unread until this opening.
/// </summary>
public sealed record ThreadMessage(
    Guid Id,
    OrganisationName From,
    bool Mine,
    string SentByName,
    DateTimeOffset SentAt,
    string Body,
    DateTimeOffset? ReadAt,
    string? ReadByName,
    bool IsNew,
    IReadOnlyList<AttachmentInfo> Attachments);

/// <summary>
/// The thread between the viewer's organisation and one counterpart, oldest message first. <see cref="CanWrite"/> is
/// false on an earlier thread with an organisation no longer in the chain (a receiver the referral was re-routed from),
/// and for a viewer whose role does not write on threads.
/// </summary>
public sealed record MessageThread(OrganisationName Counterpart, bool CanWrite, IReadOnlyList<ThreadMessage> Messages);

public interface IGetThreadsHandler
{
    /// <summary>Opens the threads: a view of the referral's messages in the use log (when there are any).</summary>
    Task<Result<IReadOnlyList<MessageThread>>> HandleAsync(Guid referralId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The open threads again after a change: logged as a view only when it shows something new to the viewer (a message
    /// that arrived since), so a page that refreshes on every change of the organisation does not fill the use log.
    /// </summary>
    Task<Result<IReadOnlyList<MessageThread>>> RefreshAsync(Guid referralId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The viewer's threads on a referral: one per counterpart of its organisation in the chain. Opening them marks the
/// messages addressed to the viewer's organisation read (by a user whose role works on threads); the sender opening
/// its own thread never does.
/// </summary>
public sealed class GetThreadsHandler(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IAccessLog accessLog) : IGetThreadsHandler
{
    public Task<Result<IReadOnlyList<MessageThread>>> HandleAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        ReadAsync(referralId, opening: true, cancellationToken);

    public Task<Result<IReadOnlyList<MessageThread>>> RefreshAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        ReadAsync(referralId, opening: false, cancellationToken);

    private async Task<Result<IReadOnlyList<MessageThread>>> ReadAsync(Guid referralId, bool opening, CancellationToken cancellationToken)
    {
        if (!user.WorksWithClients)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var referral = await db.Referrals.AsNoTracking().Include(r => r.Forwards)
            .SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            accessLog.Denied(db, AccessRecordType.Referral, referralId, AccessSections.Messages);
            await db.SaveChangesAsync(cancellationToken);
            return GetReferralHandler.NotFound;
        }

        var viewer = user.OrganisationId;

        // The tenant filter keeps the messages to those the viewer's organisation sent or received; the projection
        // reads the files' metadata only.
        var stored = await db.Messages
            .Where(m => m.ReferralId == referralId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.FromOrganisationId,
                m.ToOrganisationId,
                m.SentByName,
                m.SentAt,
                m.Body,
                m.ReadAt,
                m.ReadByName,
                Attachments = m.Attachments
                    .OrderBy(a => a.Id)
                    .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.SizeBytes))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        var counterparts = referral.CounterpartsOf(viewer);
        var earlier = stored
            .Select(m => m.FromOrganisationId == viewer ? m.ToOrganisationId : m.FromOrganisationId)
            .Where(id => !counterparts.Contains(id))
            .Distinct()
            .ToList();
        var organisationIds = counterparts.Concat(earlier).Append(viewer).ToList();
        var names = await db.OrganisationNamesAsync(organisationIds, cancellationToken);

        var writes = PostMessageHandler.MayWrite(user.Role);
        var unread = writes
            ? stored.Where(m => m.ToOrganisationId == viewer && m.ReadAt is null).Select(m => m.Id).ToHashSet()
            : [];
        // Reading the messages is a view of the referral's messages section (only when there is something to read, and on a
        // refresh only when a message arrived since); it goes in with the save that marks them read, which logs nothing more.
        if (opening ? stored.Count > 0 : unread.Count > 0)
        {
            accessLog.Viewed(db, AccessRecordType.Referral, referral.Id, referral.ClientIdentityCode, AccessSections.Messages);
        }

        await MarkReadAsync(db, unread, cancellationToken);

        OrganisationName NameOf(Guid id) => names.GetValueOrDefault(id) ?? new OrganisationName(id, default, "", "", "");

        return counterparts.Concat(earlier)
            .Select(counterpart => new MessageThread(
                NameOf(counterpart),
                writes && counterparts.Contains(counterpart),
                stored
                    .Where(m => m.FromOrganisationId == counterpart || m.ToOrganisationId == counterpart)
                    .Select(m => new ThreadMessage(
                        m.Id, NameOf(m.FromOrganisationId), m.FromOrganisationId == viewer, m.SentByName, m.SentAt, m.Body,
                        m.ReadAt, m.ReadByName, unread.Contains(m.Id), m.Attachments))
                    .ToList()))
            .ToList();
    }

    /// <summary>
    /// Saves the view entry, if any, and marks the messages read: the receiving organisation has now read them. Someone else
    /// of it marking them at the same moment is fine.
    /// </summary>
    private async Task MarkReadAsync(IAppDbContext db, HashSet<Guid> unread, CancellationToken cancellationToken)
    {
        if (unread.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var actor = user.ToActor();
        var now = clock.GetUtcNow();
        var messages = await db.Messages.Where(m => unread.Contains(m.Id)).ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            message.MarkRead(actor, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
