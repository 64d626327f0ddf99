using CooperationModel.Application.AccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals.GetReferral;

public sealed record ReferralDetails(
    Guid Id,
    Guid CaseId,
    Guid SenderOrganisationId,
    Guid ReceiverOrganisationId,
    string ClientName,
    PersonalIdentityCode ClientIdentityCode,
    string HomeMunicipalityCode,
    ReferralGround Ground,
    bool ConsentGiven,
    string? SituationDescription,
    ReferralStatus Status,
    DateTimeOffset SentAt,
    string SentByName,
    DateTimeOffset? ReceivedAt,
    Guid? NamedWorkerUserId,
    string? NamedWorkerName,
    DateTimeOffset? AcceptedAt)
{
    public bool IsReceivedBy(Guid organisationId) => ReceiverOrganisationId == organisationId;

    public bool ConsentCoversFeedback { get; init; }

    /// <summary>How it ended, as far as the viewer may see it (the consent decides for Kela).</summary>
    public ReferralFeedback Feedback { get; init; } = new(null, null, null, null, Withheld: false);

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? ReturnedAt { get; init; }

    public string? RepeatReason { get; init; }

    /// <summary>The whole consent record: when, how and what it covers.</summary>
    public ConsentRecord Consent { get; init; } = ConsentRecord.NotGiven;

    public string? ConsentRecordedByName { get; init; }

    /// <summary>An urgent application transfer.</summary>
    public bool Urgent { get; init; }

    /// <summary>The receiver's deadline to accept it.</summary>
    public DateOnly? RespondBy { get; init; }

    /// <summary>Waiting to be accepted past <see cref="RespondBy"/> (<see cref="Referral.IsOverdue"/>).</summary>
    public bool IsOverdue { get; init; }

    /// <summary>What the viewer may do to it now (<see cref="ReferralActions"/>): pages show these and nothing else.</summary>
    public ReferralAction Actions { get; init; }

    /// <summary>The open forward to the viewer's organisation (a partner's), the one its actions work on.</summary>
    public Guid? OpenForwardToViewerId { get; init; }

    public bool May(ReferralAction action) => (Actions & action) == action;

    /// <summary>How to reach the named worker: shown to everyone in the chain, so the partners can talk directly.</summary>
    public WorkerContact? NamedWorkerContact { get; init; }

    /// <summary>The forwarding chain beyond the receiver, oldest first; everyone in the chain sees it.</summary>
    public IReadOnlyList<ReferralForwardView> Forwards { get; init; } = [];

    public IReadOnlyList<ReferralTimelineEntry> Timeline { get; init; } = [];

    /// <summary>What of this referral crossed to or from the viewer's organisation, and on what basis, oldest first.</summary>
    public IReadOnlyList<DisclosureView> Disclosures { get; init; } = [];
}

/// <summary>One disclosure as its two organisations see it.</summary>
public sealed record DisclosureView(DateTimeOffset At, OrganisationName From, OrganisationName To, string ByName, DisclosedData What, LegalBasis Basis);

/// <summary>One link of the forwarding chain as the viewer sees it; the closing note only for the two ends of the link.</summary>
public sealed record ReferralForwardView(
    Guid Id,
    ForwardTarget Target,
    Guid FromOrganisationId,
    Guid ToOrganisationId,
    DateTimeOffset ForwardedAt,
    string ForwardedByName,
    string? Note,
    ForwardStatus Status,
    string? NamedWorkerName,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    ReturnReason? ReturnReason,
    string? ClosingNote);

/// <summary>One step of the referral, as both sides see it.</summary>
public sealed record ReferralTimelineEntry(DateTimeOffset At, string ActorName, Guid ActorOrganisationId, ReferralEventKind Kind, ReferralStatus Status, StepDetail? Detail);

public interface IGetReferralHandler
{
    Task<Result<ReferralDetails>> HandleAsync(Guid referralId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same again for a page whose opening is already in the use log: its prerendered first render read and
    /// logged it, and the interactive render reads it once more to work with; or the open page refreshes after a change.
    /// </summary>
    Task<Result<ReferralDetails>> RereadAsync(Guid referralId, CancellationToken cancellationToken = default);
}

/// <summary>Opens a referral; the receiving organisation's first opening marks it received.</summary>
public sealed class GetReferralHandler(
    IAppDbContextFactory dbFactory, ICurrentUser user, IUserDirectory users, TimeProvider clock, IAccessLog accessLog) : IGetReferralHandler
{
    public static NotFoundError NotFound => new("Referral.NotFound");

    public Task<Result<ReferralDetails>> HandleAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        ReadAsync(referralId, logView: true, cancellationToken);

    public Task<Result<ReferralDetails>> RereadAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        ReadAsync(referralId, logView: false, cancellationToken);

    private async Task<Result<ReferralDetails>> ReadAsync(Guid referralId, bool logView, CancellationToken cancellationToken)
    {
        if (!user.WorksWithClients)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // Its queries (and the access log's save) on one connection: the tenant setting is sent once, not per query.
        await db.KeepConnectionOpenAsync(cancellationToken);
        var referral = await db.FindForWorkAsync(referralId, cancellationToken);
        if (referral is null)
        {
            if (logView)
            {
                accessLog.Denied(db, AccessRecordType.Referral, referralId);
                await db.SaveChangesAsync(cancellationToken);
            }

            return NotFound;
        }

        // One opening, one entry: the view is logged in the same save that marks it received (if it does).
        if (logView)
        {
            accessLog.Viewed(db, AccessRecordType.Referral, referral.Id, referral.ClientIdentityCode);
        }

        var actor = user.ToActor();
        var now = clock.GetUtcNow();
        // Opening adds steps like any change; ReferralNotifications decides whether they tell anyone (today nobody).
        db.ChangeNotifying(referral, r => (r.MarkReceived(actor, now), r.MarkForwardReceived(actor, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another worker opened or accepted it at the same moment: show what is stored now.
            return await ReadAsync(referralId, logView, cancellationToken);
        }

        var disclosures = await (
                from d in db.Disclosures
                where d.ReferralId == referralId
                join source in db.Organisations on d.FromOrganisationId equals source.Id
                join recipient in db.Organisations on d.ToOrganisationId equals recipient.Id
                orderby d.At
                select new DisclosureView(
                    d.At,
                    new OrganisationName(source.Id, source.Kind, source.NameFi, source.NameSv, source.NameEn),
                    new OrganisationName(recipient.Id, recipient.Kind, recipient.NameFi, recipient.NameSv, recipient.NameEn),
                    d.ByName, d.What, d.Basis))
            .ToListAsync(cancellationToken);

        var contact = referral.NamedWorkerUserId is { } workerId ? await users.ContactOfAsync(workerId, cancellationToken) : null;

        return new ReferralDetails(
            referral.Id, referral.CaseId, referral.SenderOrganisationId, referral.ReceiverOrganisationId,
            referral.ClientName, referral.ClientIdentityCode, referral.HomeMunicipalityCode, referral.Ground,
            referral.ConsentGiven, referral.SituationDescription, referral.Status, referral.SentAt, referral.SentByName,
            referral.ReceivedAt, referral.NamedWorkerUserId, referral.NamedWorkerName, referral.AcceptedAt)
        {
            ConsentCoversFeedback = referral.ConsentCoversFeedback,
            Feedback = referral.FeedbackVisibleTo(user.OrganisationId),
            CompletedAt = referral.CompletedAt,
            ReturnedAt = referral.ReturnedAt,
            RepeatReason = referral.RepeatReason,
            Consent = referral.Consent,
            ConsentRecordedByName = referral.ConsentRecordedByName,
            Urgent = referral.Urgent,
            RespondBy = referral.RespondBy,
            IsOverdue = referral.IsOverdue(clock.Today()),
            Forwards = referral.Forwards
                .OrderBy(f => f.ForwardedAt)
                .Select(f => ViewOf(f, user.OrganisationId))
                .ToList(),
            Timeline = referral.Events
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence)
                .Select(e => new ReferralTimelineEntry(e.At, e.ActorName, e.ActorOrganisationId, e.Kind, e.Status, referral.DetailVisibleTo(e, user.OrganisationId)))
                .ToList(),
            Disclosures = disclosures,
            NamedWorkerContact = contact,
            Actions = ReferralActions.For(referral, actor, user.Role),
            OpenForwardToViewerId = referral.OpenForwardTo(user.OrganisationId)?.Id,
        };
    }

    /// <summary>A partner's closing note is for social services (who forwarded) and the partner itself.</summary>
    private static ReferralForwardView ViewOf(ReferralForward f, Guid viewer)
    {
        var endOfLink = viewer == f.FromOrganisationId || viewer == f.ToOrganisationId;
        return new ReferralForwardView(
            f.Id, f.Target, f.FromOrganisationId, f.ToOrganisationId, f.ForwardedAt, f.ForwardedByName, endOfLink ? f.Note : null,
            f.Status, f.NamedWorkerName, f.AcceptedAt, f.ClosedAt, endOfLink ? f.ReturnReason : null, endOfLink ? f.ClosingNote : null);
    }
}
