using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using CooperationModel.Domain.Tests.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Retention;

public sealed class AnonymiseTests
{
    private readonly LoopSteps _steps = new();

    [Fact]
    public void AnonymousCode_IsAValidCodeOfNoLivingPerson()
    {
        var code = PersonalIdentityCode.Anonymous;

        PersonalIdentityCode.Parse(code.Value).IsSuccess.ShouldBeTrue();
        code.DateOfBirth.ShouldBe(new DateOnly(1800, 1, 1));
        code.IndividualNumber.ShouldBeGreaterThanOrEqualTo(900);
        code.IsAnonymous.ShouldBeTrue();
        IdentityCode.IsAnonymous.ShouldBeFalse();
    }

    [Fact]
    public void Case_Anonymise_RemovesTheClientAndKeepsTheStatistics()
    {
        var clientCase = _steps.Case;
        clientCase.RecordSurvey(_steps.Handler, new LifeSituationSurvey { SurveyedOn = DayOf(Now), Notes = "Muistiinpano." }, DayOf(Now), Now)
            .ShouldSucceed();
        var events = clientCase.Events.Count;

        clientCase.Anonymise().ShouldBeTrue();

        clientCase.IsAnonymised.ShouldBeTrue();
        clientCase.ClientName.ShouldBe(ClientCase.AnonymisedName);
        clientCase.IdentityCode.ShouldBe(PersonalIdentityCode.Anonymous);
        clientCase.Survey.ShouldBeNull();
        clientCase.OrganisationId.ShouldBe(Southern.Id);
        clientCase.HomeMunicipalityCode.ShouldBe(Helsinki.Code);
        clientCase.OpenedAt.ShouldBe(Now);
        clientCase.Stage.ShouldBe(CaseStage.Guidance);
        clientCase.Events.Count.ShouldBe(events);
    }

    [Fact]
    public void Case_AnonymiseTwice_DoesNothingTheSecondTime()
    {
        _steps.Case.Anonymise().ShouldBeTrue();

        _steps.Case.Anonymise().ShouldBeFalse();
    }

    [Fact]
    public void Referral_Anonymise_RemovesTheClientAndTheNotesAndKeepsTheStatistics()
    {
        var referral = _steps.Accepted();
        referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, "Asiakas toivoo soittoa.", LoopSteps.Later).ShouldSucceed();
        referral.ReturnForward(_steps.Nurse, ReturnReason.Declined, "Ei tavoitettu.", LoopSteps.Latest).ShouldSucceed();
        referral.Complete(_steps.Worker, ReferralOutcome.NoNeedFound, null, "Asiakas pärjää.", LoopSteps.Last).ShouldSucceed();

        referral.Anonymise().ShouldBeTrue();

        referral.IsAnonymised.ShouldBeTrue();
        referral.ClientName.ShouldBe(ClientCase.AnonymisedName);
        referral.ClientIdentityCode.ShouldBe(PersonalIdentityCode.Anonymous);
        referral.SituationDescription.ShouldBeNull();
        referral.ClosingNote.ShouldBeNull();
        referral.RepeatReason.ShouldBeNull();
        referral.Forwards.ShouldAllBe(f => f.Note == null && f.ClosingNote == null);
        referral.Ground.ShouldBe(ReferralGround.ObviousNeedForSocialCare);
        referral.Outcome.ShouldBe(ReferralOutcome.NoNeedFound);
        referral.Status.ShouldBe(ReferralStatus.Completed);
        referral.CompletedAt.ShouldBe(LoopSteps.Last);
        referral.HomeMunicipalityCode.ShouldBe(Helsinki.Code);
        referral.ConsentGiven.ShouldBeTrue();
        referral.Forwards.Single().ReturnReason.ShouldBe(ReturnReason.Declined);
    }

    [Fact]
    public void Referral_Open_IsNeverAnonymised()
    {
        var referral = _steps.Accepted();

        referral.Anonymise().ShouldBeFalse();

        referral.IsAnonymised.ShouldBeFalse();
        referral.SituationDescription.ShouldNotBeNull();
    }

    [Fact]
    public void Referral_AnonymiseTwice_DoesNothingTheSecondTime()
    {
        var referral = _steps.Accepted();
        referral.Complete(_steps.Worker, ReferralOutcome.NoNeedFound, null, null, LoopSteps.Later).ShouldSucceed();
        referral.Anonymise().ShouldBeTrue();

        referral.Anonymise().ShouldBeFalse();
    }
}
