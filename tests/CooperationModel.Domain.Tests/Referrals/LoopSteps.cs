using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>
/// The people and steps of the referral loop tests: a Southern district handler sends a Helsinki client's referral,
/// City of Helsinki workers take it, West Uusimaa (Espoo's organiser) is the other organiser. Helsinki's health care
/// and Helsinki's outreach youth work are the partners a worker can forward it to.
/// </summary>
internal sealed class LoopSteps
{
    public static readonly DateTimeOffset Later = Now.AddHours(3);
    public static readonly DateTimeOffset Latest = Now.AddDays(1);
    public static readonly DateTimeOffset Last = Now.AddDays(2);

    public static readonly Guid WestUusimaaId = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "03");

    /// <summary>The health care of Helsinki's organiser (code 90).</summary>
    public static readonly Guid HelsinkiHealthCareId = Organisation.IdFor(OrganisationKind.HealthCare, "90");

    /// <summary>The outreach youth work of the municipality of Helsinki (code 091).</summary>
    public static readonly Guid HelsinkiYouthWorkId = Organisation.IdFor(OrganisationKind.OutreachYouthWork, "091");

    public Actor Handler { get; } = Member(Southern, "Kaisa Käsittelijä");

    public Actor Worker { get; } = Member(CityOfHelsinki, "Sanna Sosiaalityöntekijä");

    public Actor OtherWorker { get; } = Member(CityOfHelsinki, "Olli Ohjaaja");

    public Actor WestWorker { get; } = Member(WestUusimaa, "Eero Espoolainen");

    public Actor Nurse { get; } = new(Guid.NewGuid(), HelsinkiHealthCareId, "Terhi Terveydenhoitaja");

    public Actor OtherNurse { get; } = new(Guid.NewGuid(), HelsinkiHealthCareId, "Tuula Terveydenhoitaja");

    public Actor YouthWorker { get; } = new(Guid.NewGuid(), HelsinkiYouthWorkId, "Niko Nuorisotyöntekijä");

    public ClientCase Case { get; }

    public LoopSteps() => Case = OpenHelsinkiCase(Handler);

    public Referral Send(bool consent = true, bool coversFeedback = false) =>
        SendReferral(Case, ReferralGround.ObviousNeedForSocialCare, consent, consent ? "Kuvaus." : null, Handler, Now, coversFeedback).Value;

    public Referral Received(bool coversFeedback = false)
    {
        var referral = Send(coversFeedback: coversFeedback);
        referral.MarkReceived(OtherWorker, Now.AddMinutes(5)).ShouldBeTrue();
        return referral;
    }

    public Referral Accepted(bool coversFeedback = false, bool consent = true)
    {
        var referral = Send(consent, coversFeedback);
        referral.Accept(Worker, Now.AddHours(1)).ShouldSucceed();
        return referral;
    }

    public Referral InAssessment(bool coversFeedback = false)
    {
        var referral = Accepted(coversFeedback);
        referral.StartAssessment(Worker, Now.AddHours(2)).ShouldSucceed();
        return referral;
    }

    public Referral Completed(bool coversFeedback = false, string? note = "Suunnitelma tehty.")
    {
        var referral = InAssessment(coversFeedback);
        referral.Complete(Worker, ReferralOutcome.AssessmentDone, PlanType.ActivationPlan, note, Later).ShouldSucceed();
        return referral;
    }

    public Referral Returned(bool coversFeedback = false, ReturnReason reason = ReturnReason.NoNeed, string? note = "Ei tarvetta.")
    {
        var referral = Accepted(coversFeedback);
        referral.Return(Routing, Worker, reason, note, null, ReferralDeadlinePolicy.Default, DayOf(Later), Later).ShouldSucceed();
        return referral;
    }

    /// <summary>Accepted in Helsinki, then returned there: the client lives in Espoo.</summary>
    public Referral Rerouted(bool coversFeedback = false)
    {
        var referral = Accepted(coversFeedback);
        referral.Return(Routing, Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Later), Later).ShouldSucceed();
        return referral;
    }

    /// <summary>Accepted in Helsinki, then forwarded by the named worker (without a note) to a partner.</summary>
    public Referral Forwarded(ForwardTarget target = ForwardTarget.HealthCare, bool coversFeedback = false, bool consent = true)
    {
        var referral = Accepted(coversFeedback, consent);
        referral.Forward(Routing, Worker, target, null, Now.AddHours(2)).ShouldSucceed();
        return referral;
    }

    /// <summary>Forwarded to Helsinki's health care and accepted there by <see cref="Nurse"/>.</summary>
    public Referral ForwardAccepted(bool coversFeedback = false, bool consent = true)
    {
        var referral = Forwarded(ForwardTarget.HealthCare, coversFeedback, consent);
        referral.AcceptForward(Nurse, Later).ShouldSucceed();
        return referral;
    }

    /// <summary>A referral in the named state (Sent, Received, Accepted, InAssessment, Completed or Returned).</summary>
    public Referral In(ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => Send(),
        ReferralStatus.Received => Received(),
        ReferralStatus.Accepted => Accepted(),
        ReferralStatus.InAssessment => InAssessment(),
        ReferralStatus.Completed => Completed(),
        ReferralStatus.Returned => Returned(),
    };
}

internal static class LoopAssertions
{
    public static void ShouldSucceed(this Result result) =>
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? "" : result.FirstError.Code);
}
