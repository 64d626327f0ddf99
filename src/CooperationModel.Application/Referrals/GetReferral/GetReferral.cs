using CooperationModel.Application.Common;
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

    public IReadOnlyList<ReferralTimelineEntry> Timeline { get; init; } = [];
}

/// <summary>One step of the referral, as both sides see it.</summary>
public sealed record ReferralTimelineEntry(DateTimeOffset At, string ActorName, Guid ActorOrganisationId, ReferralEventKind Kind, ReferralStatus Status, string? Detail);

public interface IGetReferralHandler
{
    Task<Result<ReferralDetails>> HandleAsync(Guid referralId, CancellationToken cancellationToken = default);
}

/// <summary>Opens a referral; the receiving organisation's first opening marks it received.</summary>
public sealed class GetReferralHandler(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock) : IGetReferralHandler
{
    public static NotFoundError NotFound => new("Referral.NotFound");

    public async Task<Result<ReferralDetails>> HandleAsync(Guid referralId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var referral = await db.Referrals.Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return NotFound;
        }

        if (referral.MarkReceived(user.ToActor(), clock.GetUtcNow()))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another worker opened or accepted it at the same moment: show what is stored now.
                return await HandleAsync(referralId, cancellationToken);
            }
        }

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
            Timeline = referral.Events
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence)
                .Select(e => new ReferralTimelineEntry(e.At, e.ActorName, e.ActorOrganisationId, e.Kind, e.Status, referral.DetailVisibleTo(e, user.OrganisationId)))
                .ToList(),
        };
    }
}
