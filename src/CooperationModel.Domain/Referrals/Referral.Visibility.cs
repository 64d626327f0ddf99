using CooperationModel.Domain.Common;
using CooperationModel.Domain.Messages;

namespace CooperationModel.Domain.Referrals;

/// <summary>Who may write to whom on the referral, what each organisation sees of it, and the disclosures every crossing records.</summary>
public sealed partial class Referral
{
    /// <summary>
    /// The organisations the given one may write to on this referral: sender and receiver to each other, the receiver
    /// to every partner it forwarded to and back. Each pair has its own thread; nobody else reads it.
    /// </summary>
    public IReadOnlyList<Guid> CounterpartsOf(Guid organisationId)
    {
        if (organisationId == SenderOrganisationId)
        {
            return [ReceiverOrganisationId];
        }

        // Only the current receiver's own forwards: after a re-route the old receiver's partners are not the new one's.
        if (organisationId == ReceiverOrganisationId)
        {
            return [SenderOrganisationId, .. _forwards.Where(f => f.FromOrganisationId == organisationId).Select(f => f.ToOrganisationId).Distinct()];
        }

        return [.. _forwards.Where(f => f.ToOrganisationId == organisationId && f.FromOrganisationId == ReceiverOrganisationId)
            .Select(f => f.FromOrganisationId).Distinct()];
    }

    /// <summary>
    /// Writes a message, with files, to one counterpart in the chain; a disclosure on the basis of the consent or,
    /// without it, of the referral's own legal basis. Load <see cref="Forwards"/> first.
    /// </summary>
    public Result<ReferralMessage> PostMessage(
        Actor sender, Guid toOrganisationId, string? body, IReadOnlyList<AttachmentUpload> attachments, DateTimeOffset now)
    {
        if (!CounterpartsOf(sender.OrganisationId).Contains(toOrganisationId))
        {
            return ReferralMessage.Errors.NotInThread;
        }

        var created = ReferralMessage.Create(Id, sender, toOrganisationId, body, attachments, now);
        if (!created.TryGetValue(out var message))
        {
            return created;
        }

        var what = (message.Body.Length > 0 ? DisclosedData.Message : DisclosedData.None)
            | (message.Attachments.Count > 0 ? DisclosedData.Attachment : DisclosedData.None);
        var inForwardThread = sender.OrganisationId != SenderOrganisationId && toOrganisationId != SenderOrganisationId;
        var basis = ConsentGiven ? LegalBasis.ClientConsent : inForwardThread ? LegalBasis.SocialWelfareAct41 : Ground.LegalBasisOf();
        Disclose(sender, toOrganisationId, what, basis, now);
        return message;
    }

    /// <summary>
    /// What an organisation may see of how the referral ended. The receiver sees everything; the sender (Kela) sees
    /// the outcome, the plan and the note only when the client's consent covers feedback, otherwise only that the
    /// referral was received and handled. A return to the wrong organiser is no finding about the client and is shown.
    /// </summary>
    public ReferralFeedback FeedbackVisibleTo(Guid organisationId)
    {
        if (organisationId == ReceiverOrganisationId || (organisationId == SenderOrganisationId && ConsentCoversFeedback))
        {
            return new ReferralFeedback(Outcome, PlanMade, ReturnReason, ClosingNote, Withheld: false);
        }

        var wrongOrganiser = ReturnReason == Referrals.ReturnReason.WrongOrganiser ? ReturnReason : null;
        return new ReferralFeedback(null, null, wrongOrganiser, null, Withheld: organisationId == SenderOrganisationId && !IsOpen);
    }

    /// <summary>
    /// An event's detail as an organisation may see it. The steps are shared along the chain, but how the referral or
    /// a forward ended (an outcome, a plan, a closing reason) is shown to the receiver (the hub of the chain), to the
    /// organisation that recorded it, and to the sender only when the consent covers feedback.
    /// </summary>
    public string? DetailVisibleTo(ReferralEvent referralEvent, Guid organisationId)
    {
        var revealsEnding = referralEvent.Kind is ReferralEventKind.Completed or ReferralEventKind.Returned
                or ReferralEventKind.ForwardCompleted or ReferralEventKind.ForwardReturned
            && referralEvent.Detail != nameof(Referrals.ReturnReason.WrongOrganiser);
        var sees = !revealsEnding
            || organisationId == ReceiverOrganisationId
            || organisationId == referralEvent.ActorOrganisationId
            || (organisationId == SenderOrganisationId && ConsentCoversFeedback);
        return sees ? referralEvent.Detail : null;
    }

    /// <summary>Whether an organisation is in the chain: sender, receiver or a partner forwarded to.</summary>
    public bool IsInChain(Guid organisationId) =>
        organisationId == SenderOrganisationId || organisationId == ReceiverOrganisationId
        || _forwards.Any(f => f.ToOrganisationId == organisationId);
    /// <summary>What the referral itself carries to its receiver.</summary>
    private DisclosedData SentData =>
        DisclosedData.ClientIdentity | DisclosedData.Ground
        | (SituationDescription is null ? DisclosedData.None : DisclosedData.SituationDescription);

    /// <summary>With consent the consent record; without it the ground's own section of law.</summary>
    private LegalBasis SendingBasis => ConsentGiven ? LegalBasis.ClientConsent : Ground.LegalBasisOf();

    /// <summary>Feedback to Kela: the outcome as far as the consent covers it, otherwise only that it was handled.</summary>
    private void DiscloseFeedback(Actor worker, DateTimeOffset now)
    {
        var what = !ConsentCoversFeedback
            ? DisclosedData.StatusOnly
            : DisclosedData.Outcome
                | (PlanMade is null ? DisclosedData.None : DisclosedData.Plan)
                | (ClosingNote is null ? DisclosedData.None : DisclosedData.ClosingNote);
        Disclose(worker, SenderOrganisationId, what, ConsentCoversFeedback ? LegalBasis.ClientConsent : Ground.LegalBasisOf(), now);
    }

    private void DiscloseForwardFeedback(Actor worker, ReferralForward forward, DateTimeOffset now) =>
        Disclose(
            worker,
            forward.FromOrganisationId,
            DisclosedData.Outcome | (forward.ClosingNote is null ? DisclosedData.None : DisclosedData.ClosingNote),
            ConsentGiven ? LegalBasis.ClientConsent : LegalBasis.SocialWelfareAct41,
            now);

    private void Disclose(Actor by, Guid to, DisclosedData what, LegalBasis basis, DateTimeOffset now) =>
        _disclosures.Add(Disclosure.Create(Id, by.OrganisationId, to, by, what, basis, now));
}
