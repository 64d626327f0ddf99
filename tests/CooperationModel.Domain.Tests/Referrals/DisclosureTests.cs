using CooperationModel.Domain.Common;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>
/// Every crossing of an organisation boundary is a disclosure: who sent what to whom, and on which legal basis (the
/// client's consent, or the section of law that allows it without).
/// </summary>
public class DisclosureTests
{
    private static readonly AttachmentUpload Pdf = new("liite.pdf", "%PDF-1.7\n"u8.ToArray());

    private readonly LoopSteps _steps = new();

    [Fact]
    public void Send_WithConsentAndDescription_DisclosesIdentityGroundAndDescriptionOnConsent()
    {
        var referral = _steps.Send(consent: true);

        var sent = referral.Disclosures.ShouldHaveSingleItem();
        sent.Id.ShouldNotBe(Guid.Empty);
        sent.ReferralId.ShouldBe(referral.Id);
        sent.At.ShouldBe(Now);
        sent.FromOrganisationId.ShouldBe(Southern.Id);
        sent.ToOrganisationId.ShouldBe(CityOfHelsinki.Id);
        sent.ByUserId.ShouldBe(_steps.Handler.UserId);
        sent.ByName.ShouldBe("Kaisa Käsittelijä");
        sent.What.ShouldBe(DisclosedData.ClientIdentity | DisclosedData.Ground | DisclosedData.SituationDescription);
        sent.Basis.ShouldBe(LegalBasis.ClientConsent);
    }

    [Fact]
    public void Send_WithConsentNotCoveringDescription_DisclosesIdentityAndGroundOnConsent()
    {
        var consent = new ConsentRecord(true, DayOf(Now), ConsentMethod.Writing, CoversDescription: false, CoversFeedback: false);

        var referral = Referral.Send(Routing, _steps.Case, new ReferralContent(ReferralGround.ObviousNeedForSocialCare, consent, null), _steps.Handler, DayOf(Now), Now,
            ReferralDeadlinePolicy.Default).Value;

        ShouldBe(referral.Disclosures.ShouldHaveSingleItem(), DisclosedData.ClientIdentity | DisclosedData.Ground, LegalBasis.ClientConsent);
    }

    [Theory]
    [InlineData(ReferralGround.BasicAmountReduced, LegalBasis.SocialAssistanceAct10)]
    [InlineData(ReferralGround.UnemployedUnder25FourMonths, LegalBasis.RehabilitativeWorkActivityAct2And5)]
    [InlineData(ReferralGround.Unemployed25OrOverTwelveMonths, LegalBasis.RehabilitativeWorkActivityAct2And5)]
    [InlineData(ReferralGround.ClientRequestsAssessment, LegalBasis.SocialWelfareAct35)]
    [InlineData(ReferralGround.ObviousNeedForSocialCare, LegalBasis.SocialWelfareAct35)]
    [InlineData(ReferralGround.ImmigrantOverTwoMonths, LegalBasis.IntegrationAct)]
    [InlineData(ReferralGround.SupplementaryAssistanceApplication, LegalBasis.SocialAssistanceAct14a)]
    [InlineData(ReferralGround.PreventiveAssistanceApplication, LegalBasis.SocialAssistanceAct14a)]
    public void Send_WithoutConsent_DisclosesIdentityAndGroundOnTheGroundsBasis(ReferralGround ground, LegalBasis basis)
    {
        var referral = SendReferral(_steps.Case, ground, false, null, _steps.Handler, Now).Value;

        var sent = referral.Disclosures.ShouldHaveSingleItem();
        sent.FromOrganisationId.ShouldBe(Southern.Id);
        sent.ToOrganisationId.ShouldBe(CityOfHelsinki.Id);
        ShouldBe(sent, DisclosedData.ClientIdentity | DisclosedData.Ground, basis);
    }

    [Fact]
    public void StartAssessment_AfterReceiptAndAccept_NothingDisclosedBeyondTheSending()
    {
        var referral = _steps.InAssessment();

        referral.Disclosures.Count.ShouldBe(1);
    }

    [Fact]
    public void Complete_ConsentCoversFeedback_DisclosesOutcomePlanAndNoteToTheSenderOnConsent()
    {
        var referral = _steps.Completed(coversFeedback: true, note: "Suunnitelma tehty.");

        referral.Disclosures.Count.ShouldBe(2);
        var feedback = referral.Disclosures[^1];
        feedback.FromOrganisationId.ShouldBe(CityOfHelsinki.Id);
        feedback.ToOrganisationId.ShouldBe(Southern.Id);
        feedback.ByUserId.ShouldBe(_steps.Worker.UserId);
        feedback.At.ShouldBe(Later);
        ShouldBe(feedback, DisclosedData.Outcome | DisclosedData.Plan | DisclosedData.ClosingNote, LegalBasis.ClientConsent);
    }

    [Fact]
    public void Complete_ConsentCoversFeedbackWithoutPlanOrNote_DisclosesTheOutcomeOnly()
    {
        var referral = _steps.InAssessment(coversFeedback: true);

        referral.Complete(_steps.Worker, ReferralOutcome.ClientNotReached, null, "  ", Later).ShouldSucceed();

        ShouldBe(referral.Disclosures[^1], DisclosedData.Outcome, LegalBasis.ClientConsent);
    }

    [Fact]
    public void Complete_ConsentNotCoveringFeedback_DisclosesStatusOnlyOnTheGroundsBasis()
    {
        var referral = _steps.Completed(coversFeedback: false, note: "Suunnitelma tehty.");

        var feedback = referral.Disclosures[^1];
        feedback.ToOrganisationId.ShouldBe(Southern.Id);
        ShouldBe(feedback, DisclosedData.StatusOnly, LegalBasis.SocialWelfareAct35);
    }

    [Fact]
    public void Complete_WithoutConsent_DisclosesStatusOnlyOnTheGroundsBasis()
    {
        var referral = SendReferral(_steps.Case, ReferralGround.UnemployedUnder25FourMonths, false, null, _steps.Handler, Now).Value;
        referral.Accept(_steps.Worker, Later).ShouldSucceed();

        referral.Complete(_steps.Worker, ReferralOutcome.AssessmentDone, PlanType.ActivationPlan, "Suunnitelma.", Latest).ShouldSucceed();

        ShouldBe(referral.Disclosures[^1], DisclosedData.StatusOnly, LegalBasis.RehabilitativeWorkActivityAct2And5);
    }

    [Fact]
    public void Complete_Failing_DisclosesNothing()
    {
        var referral = _steps.InAssessment(coversFeedback: true);

        referral.Complete(_steps.Worker, ReferralOutcome.AssessmentDone, null, null, Later).IsSuccess.ShouldBeFalse();

        referral.Disclosures.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("Ei tarvetta.", DisclosedData.Outcome | DisclosedData.ClosingNote)]
    [InlineData(null, DisclosedData.Outcome)]
    public void Return_ConsentCoversFeedback_DisclosesTheReasonAndNoteToTheSenderOnConsent(string? note, DisclosedData what)
    {
        var referral = _steps.Returned(coversFeedback: true, ReturnReason.NoNeed, note);

        referral.Disclosures.Count.ShouldBe(2);
        var feedback = referral.Disclosures[^1];
        feedback.FromOrganisationId.ShouldBe(CityOfHelsinki.Id);
        feedback.ToOrganisationId.ShouldBe(Southern.Id);
        ShouldBe(feedback, what, LegalBasis.ClientConsent);
    }

    [Fact]
    public void Return_ConsentNotCoveringFeedback_DisclosesStatusOnlyOnTheGroundsBasis()
    {
        var referral = _steps.Returned(coversFeedback: false, ReturnReason.Declined, "Kieltäytyi.");

        ShouldBe(referral.Disclosures[^1], DisclosedData.StatusOnly, LegalBasis.SocialWelfareAct35);
    }

    [Theory]
    [InlineData(true, DisclosedData.ClientIdentity | DisclosedData.Ground | DisclosedData.SituationDescription, LegalBasis.ClientConsent)]
    [InlineData(false, DisclosedData.ClientIdentity | DisclosedData.Ground, LegalBasis.SocialWelfareAct35)]
    public void Return_WrongOrganiser_DisclosesWhatWasSentFromTheOldToTheNewReceiver(bool consent, DisclosedData what, LegalBasis basis)
    {
        var referral = _steps.Accepted(consent: consent);

        referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Latest), Latest)
            .ShouldSucceed();

        referral.Disclosures.Count.ShouldBe(2);
        var handedOn = referral.Disclosures[^1];
        handedOn.FromOrganisationId.ShouldBe(CityOfHelsinki.Id);
        handedOn.ToOrganisationId.ShouldBe(WestUusimaaId);
        handedOn.ByUserId.ShouldBe(_steps.Worker.UserId);
        handedOn.At.ShouldBe(Latest);
        ShouldBe(handedOn, what, basis);
    }

    [Fact]
    public void Forward_WithConsentAndNote_DisclosesIdentityGroundDescriptionAndNoteToThePartnerOnConsent()
    {
        var referral = _steps.Accepted();

        referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, "Huoli terveydestä.", Later).ShouldSucceed();

        var forwarded = referral.Disclosures[^1];
        forwarded.FromOrganisationId.ShouldBe(CityOfHelsinki.Id);
        forwarded.ToOrganisationId.ShouldBe(HelsinkiHealthCareId);
        forwarded.ByUserId.ShouldBe(_steps.Worker.UserId);
        forwarded.At.ShouldBe(Later);
        ShouldBe(
            forwarded,
            DisclosedData.ClientIdentity | DisclosedData.Ground | DisclosedData.SituationDescription | DisclosedData.ForwardNote,
            LegalBasis.ClientConsent);
    }

    [Fact]
    public void Forward_WithConsentWithoutNote_DisclosesNoNote()
    {
        var referral = _steps.Forwarded(ForwardTarget.OutreachYouthWork);

        var forwarded = referral.Disclosures[^1];
        forwarded.ToOrganisationId.ShouldBe(HelsinkiYouthWorkId);
        ShouldBe(forwarded, DisclosedData.ClientIdentity | DisclosedData.Ground | DisclosedData.SituationDescription, LegalBasis.ClientConsent);
    }

    [Fact]
    public void Forward_WithoutConsent_DisclosesIdentityAndGroundOnSocialWelfareAct41()
    {
        var referral = _steps.Forwarded(consent: false);

        referral.Disclosures.Count.ShouldBe(2);
        ShouldBe(referral.Disclosures[^1], DisclosedData.ClientIdentity | DisclosedData.Ground, LegalBasis.SocialWelfareAct41);
    }

    [Fact]
    public void Forward_Failing_DisclosesNothing()
    {
        var referral = _steps.Forwarded();

        referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, null, Later).IsSuccess.ShouldBeFalse();

        referral.Disclosures.Count.ShouldBe(2);
    }

    [Fact]
    public void AcceptForward_AfterMarkForwardReceived_NothingDisclosedBeyondTheForward()
    {
        var referral = _steps.Forwarded();
        referral.MarkForwardReceived(_steps.Nurse, Later).ShouldBeTrue();

        referral.AcceptForward(_steps.Nurse, Latest).ShouldSucceed();

        referral.Disclosures.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(true, "Hoitoaika varattu.", DisclosedData.Outcome | DisclosedData.ClosingNote, LegalBasis.ClientConsent)]
    [InlineData(true, null, DisclosedData.Outcome, LegalBasis.ClientConsent)]
    [InlineData(false, "Hoitoaika varattu.", DisclosedData.Outcome | DisclosedData.ClosingNote, LegalBasis.SocialWelfareAct41)]
    public void CompleteForward_Done_DisclosesOutcomeAndNoteFromThePartnerToTheReceiver(bool consent, string? note, DisclosedData what, LegalBasis basis)
    {
        var referral = _steps.ForwardAccepted(consent: consent);

        referral.CompleteForward(_steps.Nurse, note, Latest).ShouldSucceed();

        var back = referral.Disclosures[^1];
        back.FromOrganisationId.ShouldBe(HelsinkiHealthCareId);
        back.ToOrganisationId.ShouldBe(CityOfHelsinki.Id);
        back.ByUserId.ShouldBe(_steps.Nurse.UserId);
        back.At.ShouldBe(Latest);
        ShouldBe(back, what, basis);
    }

    [Theory]
    [InlineData(true, "Ei aikoja.", DisclosedData.Outcome | DisclosedData.ClosingNote, LegalBasis.ClientConsent)]
    [InlineData(false, null, DisclosedData.Outcome, LegalBasis.SocialWelfareAct41)]
    public void ReturnForward_Done_DisclosesReasonAndNoteFromThePartnerToTheReceiver(bool consent, string? note, DisclosedData what, LegalBasis basis)
    {
        var referral = _steps.Forwarded(consent: consent);

        referral.ReturnForward(_steps.Nurse, ReturnReason.NoCapacity, note, Latest).ShouldSucceed();

        var back = referral.Disclosures[^1];
        back.FromOrganisationId.ShouldBe(HelsinkiHealthCareId);
        back.ToOrganisationId.ShouldBe(CityOfHelsinki.Id);
        ShouldBe(back, what, basis);
    }

    [Theory]
    [InlineData("Kysymys.", false, DisclosedData.Message)]
    [InlineData("", true, DisclosedData.Attachment)]
    [InlineData("Liitteenä päätös.", true, DisclosedData.Message | DisclosedData.Attachment)]
    public void PostMessage_BodyAndFiles_DisclosesMessageAndAttachmentFlags(string body, bool withFile, DisclosedData what)
    {
        var referral = _steps.Send();

        referral.PostMessage(_steps.Handler, CityOfHelsinki.Id, body, withFile ? [Pdf] : [], Later).ShouldSucceed();

        var posted = referral.Disclosures[^1];
        posted.FromOrganisationId.ShouldBe(Southern.Id);
        posted.ToOrganisationId.ShouldBe(CityOfHelsinki.Id);
        posted.ByUserId.ShouldBe(_steps.Handler.UserId);
        posted.At.ShouldBe(Later);
        ShouldBe(posted, what, LegalBasis.ClientConsent);
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Handler), "Helsinki")]
    [InlineData(nameof(LoopSteps.Worker), "Southern")]
    [InlineData(nameof(LoopSteps.Worker), "HealthCare")]
    [InlineData(nameof(LoopSteps.Nurse), "Helsinki")]
    public void PostMessage_WithConsent_DisclosedOnConsentInEveryThread(string from, string to)
    {
        var referral = _steps.Forwarded(consent: true);

        referral.PostMessage(Person(from), Organisation(to), "Viesti.", [], Later).ShouldSucceed();

        referral.Disclosures[^1].Basis.ShouldBe(LegalBasis.ClientConsent);
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Handler), "Helsinki", LegalBasis.SocialWelfareAct35)]
    [InlineData(nameof(LoopSteps.Worker), "Southern", LegalBasis.SocialWelfareAct35)]
    [InlineData(nameof(LoopSteps.Worker), "HealthCare", LegalBasis.SocialWelfareAct41)]
    [InlineData(nameof(LoopSteps.Nurse), "Helsinki", LegalBasis.SocialWelfareAct41)]
    public void PostMessage_WithoutConsent_KelaThreadOnTheGroundsBasisForwardThreadOnSocialWelfareAct41(string from, string to, LegalBasis basis)
    {
        var referral = _steps.Forwarded(consent: false);

        referral.PostMessage(Person(from), Organisation(to), "Viesti.", [], Later).ShouldSucceed();

        var posted = referral.Disclosures[^1];
        posted.FromOrganisationId.ShouldBe(Person(from).OrganisationId);
        posted.ToOrganisationId.ShouldBe(Organisation(to));
        ShouldBe(posted, DisclosedData.Message, basis);
    }

    [Fact]
    public void PostMessage_Failing_DisclosesNothing()
    {
        var referral = _steps.Forwarded();

        referral.PostMessage(_steps.Handler, HelsinkiHealthCareId, "Viesti.", [], Later).IsSuccess.ShouldBeFalse();
        referral.PostMessage(_steps.Handler, CityOfHelsinki.Id, "  ", [], Later).IsSuccess.ShouldBeFalse();

        referral.Disclosures.Count.ShouldBe(2);
    }

    private Actor Person(string who) => who switch
    {
        nameof(LoopSteps.Handler) => _steps.Handler,
        nameof(LoopSteps.Worker) => _steps.Worker,
        nameof(LoopSteps.Nurse) => _steps.Nurse,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "No such person in the loop."),
    };

    private static Guid Organisation(string name) => name switch
    {
        "Southern" => Southern.Id,
        "Helsinki" => CityOfHelsinki.Id,
        "HealthCare" => HelsinkiHealthCareId,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such organisation in the loop."),
    };

    private static void ShouldBe(Disclosure disclosure, DisclosedData what, LegalBasis basis)
    {
        disclosure.What.ShouldBe(what);
        disclosure.Basis.ShouldBe(basis);
    }
}
