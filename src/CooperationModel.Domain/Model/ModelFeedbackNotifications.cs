using CooperationModel.Domain.Notifications;

namespace CooperationModel.Domain.Model;

/// <summary>Who is notified of a step of feedback on the model: the sender, when a coordinator answers. Nothing else.</summary>
public static class ModelFeedbackNotifications
{
    /// <summary>The sender's notification of an answer: it names the feedback by id only (no text, no stage, no name).</summary>
    public static Notification Answered(ModelFeedback feedback, DateTimeOffset at) =>
        Notification.ModelFeedbackAnswered(feedback.OrganisationId, feedback.SentByUserId, feedback.Id, at);
}
