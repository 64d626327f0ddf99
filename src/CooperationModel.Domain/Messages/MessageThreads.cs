using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Messages;

/// <summary>The message threads of a referral's chain: one per pair of organisations that may write to each other.</summary>
public static class MessageThreads
{
    /// <summary>
    /// Writes a message, with files, to one counterpart in the chain (<see cref="ReferralVisibility.CounterpartsOf"/>);
    /// a disclosure on the basis of the consent or, without it, of the referral's own legal basis. Load
    /// <see cref="Referral.Forwards"/> first.
    /// </summary>
    public static Result<ReferralMessage> PostMessage(
        this Referral referral, Actor sender, Guid toOrganisationId, string? body, IReadOnlyList<AttachmentUpload> attachments, DateTimeOffset now)
    {
        if (!referral.CounterpartsOf(sender.OrganisationId).Contains(toOrganisationId))
        {
            return ReferralMessage.Errors.NotInThread;
        }

        var created = ReferralMessage.Create(referral.Id, sender, toOrganisationId, body, attachments, now);
        if (!created.TryGetValue(out var message))
        {
            return created;
        }

        referral.Disclose(
            sender,
            toOrganisationId,
            ReferralDisclosures.Message(referral, sender.OrganisationId, toOrganisationId, message.Body.Length > 0, message.Attachments.Count > 0),
            now);
        return message;
    }
}
