namespace CooperationModel.Domain.Referrals;

/// <summary>
/// Who is in a referral's chain, who may write to whom, and what each organisation sees of how it ended. The chain is
/// the sender (Kela), the receiver (social services, its hub) and the partners the receiver forwarded to.
/// </summary>
public static class ReferralVisibility
{
    /// <summary>
    /// The organisations the given one may write to on this referral: sender and receiver to each other, the receiver
    /// to every partner it forwarded to and back. Each pair has its own thread; nobody else reads it.
    /// </summary>
    public static IReadOnlyList<Guid> CounterpartsOf(this Referral referral, Guid organisationId)
    {
        if (organisationId == referral.SenderOrganisationId)
        {
            return [referral.ReceiverOrganisationId];
        }

        // Only the current receiver's own forwards: after a re-route the old receiver's partners are not the new one's.
        if (organisationId == referral.ReceiverOrganisationId)
        {
            return [referral.SenderOrganisationId, .. referral.Forwards.Where(f => f.FromOrganisationId == organisationId).Select(f => f.ToOrganisationId).Distinct()];
        }

        return [.. referral.Forwards.Where(f => f.ToOrganisationId == organisationId && f.FromOrganisationId == referral.ReceiverOrganisationId)
            .Select(f => f.FromOrganisationId).Distinct()];
    }

    /// <summary>
    /// What an organisation may see of how the referral ended. The receiver sees everything; the sender (Kela) sees
    /// the outcome, the plan and the note only when the client's consent covers feedback, otherwise only that the
    /// referral was received and handled. A return to the wrong organiser is no finding about the client and is shown.
    /// </summary>
    public static ReferralFeedback FeedbackVisibleTo(this Referral referral, Guid organisationId)
    {
        if (SeesEnding(referral, organisationId))
        {
            return new ReferralFeedback(referral.Outcome, referral.PlanMade, referral.ReturnReason, referral.ClosingNote, Withheld: false);
        }

        var wrongOrganiser = referral.ReturnReason == ReturnReason.WrongOrganiser ? referral.ReturnReason : null;
        return new ReferralFeedback(null, null, wrongOrganiser, null, Withheld: organisationId == referral.SenderOrganisationId && !referral.IsOpen);
    }

    /// <summary>
    /// A step's detail as an organisation may see it. The steps are shared along the chain, but how the referral or
    /// a forward ended (an outcome, a plan, a closing reason) is shown to the receiver (the hub of the chain), to the
    /// organisation that recorded it, and to the sender only when the consent covers feedback.
    /// </summary>
    public static StepDetail? DetailVisibleTo(this Referral referral, ReferralEvent step, Guid organisationId)
    {
        var detail = step.Details;
        var revealsEnding = step.Kind is ReferralEventKind.Completed or ReferralEventKind.Returned
                or ReferralEventKind.ForwardCompleted or ReferralEventKind.ForwardReturned
            && detail?.ReturnReason != ReturnReason.WrongOrganiser;
        var sees = !revealsEnding || organisationId == step.ActorOrganisationId || SeesEnding(referral, organisationId);
        return sees ? detail : null;
    }

    /// <summary>Whether an organisation is in the chain: sender, receiver or a partner forwarded to.</summary>
    public static bool IsInChain(this Referral referral, Guid organisationId) =>
        organisationId == referral.SenderOrganisationId || organisationId == referral.ReceiverOrganisationId
        || referral.Forwards.Any(f => f.ToOrganisationId == organisationId);

    /// <summary>The receiver sees how it ended; the sender only when the client's consent covers feedback.</summary>
    private static bool SeesEnding(Referral referral, Guid organisationId) =>
        organisationId == referral.ReceiverOrganisationId
        || (organisationId == referral.SenderOrganisationId && referral.ConsentCoversFeedback);
}
