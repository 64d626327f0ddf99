namespace CooperationModel.Domain.Referrals;

/// <summary>What one crossing of an organisation boundary carries, and the legal basis it crosses on.</summary>
public sealed record Crossing(DisclosedData What, LegalBasis Basis);

/// <summary>
/// What each crossing of a referral discloses (Act 703/2023 asks for every one to be logged, see <see cref="Disclosure"/>):
/// the referral to its receiver, the feedback to Kela, a forward to a partner, the partner's feedback, a message. With
/// the client's consent the basis is the consent record; without it, the section of law that allows the crossing.
/// </summary>
public static class ReferralDisclosures
{
    /// <summary>The referral as it goes to its receiver (also to the right organiser after a re-route).</summary>
    public static Crossing Sent(Referral referral) => new(
        DisclosedData.ClientIdentity | DisclosedData.Ground | DescriptionOf(referral),
        referral.ConsentGiven ? LegalBasis.ClientConsent : referral.Ground.LegalBasisOf());

    /// <summary>Feedback to Kela: the outcome as far as the consent covers it, otherwise only that it was handled.</summary>
    public static Crossing Feedback(Referral referral) => referral.ConsentCoversFeedback
        ? new(
            DisclosedData.Outcome
                | (referral.PlanMade is null ? DisclosedData.None : DisclosedData.Plan)
                | (referral.ClosingNote is null ? DisclosedData.None : DisclosedData.ClosingNote),
            LegalBasis.ClientConsent)
        : new(DisclosedData.StatusOnly, referral.Ground.LegalBasisOf());

    /// <summary>A forward to a partner: with consent on it, without it on multi-professional cooperation (SHL 41 §).</summary>
    public static Crossing Forward(Referral referral, bool withNote) => new(
        DisclosedData.ClientIdentity | DisclosedData.Ground | DescriptionOf(referral)
            | (withNote ? DisclosedData.ForwardNote : DisclosedData.None),
        ChainBasis(referral));

    /// <summary>The partner's feedback to social services.</summary>
    public static Crossing ForwardFeedback(Referral referral, ReferralForward forward) => new(
        DisclosedData.Outcome | (forward.ClosingNote is null ? DisclosedData.None : DisclosedData.ClosingNote),
        ChainBasis(referral));

    /// <summary>A message with its files; between social services and a partner it rests on SHL 41 § without consent.</summary>
    public static Crossing Message(Referral referral, Guid from, Guid to, bool hasBody, bool hasAttachments)
    {
        var inForwardThread = from != referral.SenderOrganisationId && to != referral.SenderOrganisationId;
        return new(
            (hasBody ? DisclosedData.Message : DisclosedData.None) | (hasAttachments ? DisclosedData.Attachment : DisclosedData.None),
            referral.ConsentGiven ? LegalBasis.ClientConsent : inForwardThread ? LegalBasis.SocialWelfareAct41 : referral.Ground.LegalBasisOf());
    }

    private static DisclosedData DescriptionOf(Referral referral) =>
        referral.SituationDescription is null ? DisclosedData.None : DisclosedData.SituationDescription;

    private static LegalBasis ChainBasis(Referral referral) => referral.ConsentGiven ? LegalBasis.ClientConsent : LegalBasis.SocialWelfareAct41;
}
