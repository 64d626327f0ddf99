using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Model;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Tests.Model;

public sealed class ModelFeedbackTests
{
    private static readonly Guid National = Organisation.IdFor(OrganisationKind.NationalCoordination, Organisation.NationalCoordinationCode);
    private static readonly Actor Worker = new(Guid.NewGuid(), Guid.NewGuid(), "Sosiaalityöntekijä");
    private static readonly Actor Coordinator = new(Guid.NewGuid(), National, "Koordinaattori");

    private static ModelFeedback Sent(string text = "Vaihe 5: suostumuksen kysyminen on epäselvää.") =>
        ModelFeedback.Send(Worker, "1.0", CaseStage.ReferralToSocialWork, FeedbackKind.Unclear, "fi", text, Fixtures.Now).Value;

    [Fact]
    public void Send_BelongsToTheSenderAndIsSharedWithNationalCoordination()
    {
        var feedback = Sent();
        feedback.OrganisationId.ShouldBe(Worker.OrganisationId);
        feedback.CoordinationOrganisationId.ShouldBe(National);
        feedback.Status.ShouldBe(FeedbackStatus.New);
        feedback.Answer.ShouldBeNull();
    }

    [Theory]
    [InlineData("Asiakas 010190-900P ei ymmärtänyt päätöstä")]
    [InlineData("hetu 131052-308t")]
    public void Send_TextWithIdentityCode_Refused(string text) =>
        ModelFeedback.Send(Worker, "1.0", CaseStage.Decision, FeedbackKind.Works, "fi", text, Fixtures.Now)
            .ShouldFailWith<ValidationError>(PersonalData.ContainsIdentityCodeCode, "Text");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Send_NoText_Refused(string? text) =>
        ModelFeedback.Send(Worker, "1.0", CaseStage.Decision, FeedbackKind.Works, "fi", text, Fixtures.Now)
            .ShouldFailWith<ValidationError>("Feedback.TextRequired", "Text");

    [Fact]
    public void Send_TooLong_Refused() =>
        ModelFeedback.Send(Worker, "1.0", CaseStage.Decision, FeedbackKind.Works, "sv", new string('a', ModelFeedback.TextMaxLength + 1), Fixtures.Now)
            .ShouldFailWith<ValidationError>("Feedback.TextTooLong", "Text");

    [Fact]
    public void Send_UnknownLanguage_Refused() =>
        ModelFeedback.Send(Worker, "1.0", CaseStage.Decision, FeedbackKind.Works, "de", "Gut", Fixtures.Now)
            .ShouldFailWith<ValidationError>("Feedback.UnknownLanguage");

    [Fact]
    public void Triage_UnderReview_NeedsNoAnswerAndNotifiesNobody()
    {
        var feedback = Sent();
        var result = feedback.Triage(Coordinator, UserRole.Coordinator, FeedbackStatus.UnderReview, null, Fixtures.Now);
        result.Value.ShouldBeFalse();
        feedback.Status.ShouldBe(FeedbackStatus.UnderReview);
        feedback.Answer.ShouldBeNull();
    }

    [Theory]
    [InlineData(FeedbackStatus.TakenIntoNextVersion)]
    [InlineData(FeedbackStatus.Answered)]
    [InlineData(FeedbackStatus.Declined)]
    public void Triage_Decision_KeepsTheAnswerAndNotifiesTheSender(FeedbackStatus to)
    {
        var feedback = Sent();
        feedback.Triage(Coordinator, UserRole.Coordinator, to, "  Kiitos, tarkennetaan versioon 2.0. ", Fixtures.Now).Value.ShouldBeTrue();
        feedback.Status.ShouldBe(to);
        feedback.Answer.ShouldBe("Kiitos, tarkennetaan versioon 2.0.");
        feedback.AnsweredAt.ShouldBe(Fixtures.Now);
        feedback.TriagedByUserId.ShouldBe(Coordinator.UserId);
    }

    [Fact]
    public void Triage_DecisionWithoutAnswer_Refused()
    {
        var feedback = Sent();
        feedback.Triage(Coordinator, UserRole.Coordinator, FeedbackStatus.Answered, " ", Fixtures.Now)
            .ShouldFailWith<ValidationError>("Feedback.AnswerRequired", "Answer");
        feedback.Status.ShouldBe(FeedbackStatus.New);
    }

    [Fact]
    public void Triage_AnswerWithIdentityCode_Refused() =>
        Sent().Triage(Coordinator, UserRole.Coordinator, FeedbackStatus.Declined, "Koskee asiakasta 010190-900P", Fixtures.Now)
            .ShouldFailWith<ValidationError>(PersonalData.ContainsIdentityCodeCode, "Answer");

    [Theory]
    [InlineData(UserRole.SocialWorker)]
    [InlineData(UserRole.KelaHandler)]
    [InlineData(UserRole.OrganisationAdmin)]
    public void Triage_NotCoordinator_Forbidden(UserRole role) =>
        Sent().Triage(Worker, role, FeedbackStatus.UnderReview, null, Fixtures.Now).ShouldFailWith<ForbiddenError>("Feedback.NotCoordinator");

    [Fact]
    public void Triage_CoordinatorRoleOfAnotherOrganisation_Forbidden() =>
        Sent().Triage(Worker, UserRole.Coordinator, FeedbackStatus.UnderReview, null, Fixtures.Now).ShouldFailWith<ForbiddenError>("Feedback.NotCoordinator");

    [Theory]
    [InlineData(FeedbackStatus.Answered, FeedbackStatus.UnderReview)]
    [InlineData(FeedbackStatus.Declined, FeedbackStatus.Answered)]
    [InlineData(FeedbackStatus.TakenIntoNextVersion, FeedbackStatus.Declined)]
    [InlineData(FeedbackStatus.UnderReview, FeedbackStatus.New)]
    public void Triage_IllegalMove_Refused(FeedbackStatus from, FeedbackStatus to)
    {
        var feedback = Sent();
        if (from != FeedbackStatus.New)
        {
            feedback.Triage(Coordinator, UserRole.Coordinator, from, "Vastaus", Fixtures.Now).IsSuccess.ShouldBeTrue();
        }

        var error = feedback.Triage(Coordinator, UserRole.Coordinator, to, "Vastaus", Fixtures.Now)
            .ShouldFailWith<InvalidTransitionError>("Feedback.IllegalTransition");
        error.ArgumentKeys.ShouldBe([$"FeedbackStatus.{from}", $"FeedbackStatus.{to}"]);
        feedback.Status.ShouldBe(from);
    }

    [Fact]
    public void Triage_TakenThenAnswered_Allowed()
    {
        var feedback = Sent();
        feedback.Triage(Coordinator, UserRole.Coordinator, FeedbackStatus.TakenIntoNextVersion, "Otetaan mukaan", Fixtures.Now).IsSuccess.ShouldBeTrue();
        feedback.Triage(Coordinator, UserRole.Coordinator, FeedbackStatus.Answered, "Julkaistu versiossa 2.0", Fixtures.Now).IsSuccess.ShouldBeTrue();
        feedback.Answer.ShouldBe("Julkaistu versiossa 2.0");
    }

    [Fact]
    public void FeedbackTriage_OpenAndFinal_AsTheTableSays()
    {
        FeedbackTriage.All.Where(FeedbackTriage.IsOpen).ShouldBe([FeedbackStatus.New, FeedbackStatus.UnderReview]);
        FeedbackTriage.All.Where(s => FeedbackTriage.NextFrom(s).Count == 0).ShouldBe([FeedbackStatus.Answered, FeedbackStatus.Declined]);
    }

    [Fact]
    public void Answered_NotifiesTheSenderByIdOnly()
    {
        var feedback = Sent();
        var notification = ModelFeedbackNotifications.Answered(feedback, Fixtures.Now);
        notification.OrganisationId.ShouldBe(Worker.OrganisationId);
        notification.UserId.ShouldBe(Worker.UserId);
        notification.Kind.ShouldBe(NotificationKind.ModelFeedbackAnswered);
        notification.ModelFeedbackId.ShouldBe(feedback.Id);
        notification.ReferralId.ShouldBeNull();
    }
}
