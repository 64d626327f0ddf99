using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Model;

/// <summary>What a piece of feedback on the model says of a stage.</summary>
public enum FeedbackKind
{
    /// <summary>Mikä toimii / vad fungerar.</summary>
    Works = 1,
    /// <summary>Mikä on epäselvää / vad är oklart.</summary>
    Unclear = 2,
    /// <summary>Kehittämisidea / utvecklingsidé.</summary>
    DevelopmentIdea = 3,
}

/// <summary>Where the coordinators' triage of a piece of feedback stands.</summary>
public enum FeedbackStatus
{
    New = 1,
    UnderReview = 2,
    /// <summary>Taken into the next version of the model (2.0).</summary>
    TakenIntoNextVersion = 3,
    Answered = 4,
    Declined = 5,
}

/// <summary>
/// The one table of the triage: which status may follow which, and which of them answer the sender (a decision the
/// sender reads, with the coordinator's answer, and is notified of).
/// </summary>
public static class FeedbackTriage
{
    private static readonly Dictionary<FeedbackStatus, FeedbackStatus[]> Allowed = new()
    {
        [FeedbackStatus.New] = [FeedbackStatus.UnderReview, FeedbackStatus.TakenIntoNextVersion, FeedbackStatus.Answered, FeedbackStatus.Declined],
        [FeedbackStatus.UnderReview] = [FeedbackStatus.TakenIntoNextVersion, FeedbackStatus.Answered, FeedbackStatus.Declined],
        // Once the version is out the coordinator may answer again, saying where it went.
        [FeedbackStatus.TakenIntoNextVersion] = [FeedbackStatus.Answered],
        [FeedbackStatus.Answered] = [],
        [FeedbackStatus.Declined] = [],
    };

    public static IReadOnlyList<FeedbackStatus> All { get; } = Enum.GetValues<FeedbackStatus>();

    public static IReadOnlyList<FeedbackStatus> NextFrom(FeedbackStatus status) => Allowed[status];

    public static bool CanMove(FeedbackStatus from, FeedbackStatus to) => Allowed[from].Contains(to);

    /// <summary>A decision the sender is told of: it needs an answer, and the sender is notified.</summary>
    public static bool AnswersSender(FeedbackStatus status) =>
        status is FeedbackStatus.TakenIntoNextVersion or FeedbackStatus.Answered or FeedbackStatus.Declined;

    /// <summary>Still waits for the coordinators.</summary>
    public static bool IsOpen(FeedbackStatus status) => status is FeedbackStatus.New or FeedbackStatus.UnderReview;
}

/// <summary>
/// Feedback on one stage of the model, from any signed-in user, in their own language. It belongs to the sender's
/// organisation (the tenant) and is shared with one other: the national coordination, which triages it (the same
/// two-party rule as a referral's sender and receiver). It holds no client data: a text with a valid identity code is
/// refused (<see cref="PersonalData.ContainsIdentityCode"/>).
/// </summary>
public sealed class ModelFeedback : ITenantOwned
{
    public const int TextMaxLength = 2000;
    public const int AnswerMaxLength = 2000;

    private ModelFeedback()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The sender's organisation.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>The organisation that triages it: the national coordination.</summary>
    public Guid CoordinationOrganisationId { get; private set; }

    public Guid SentByUserId { get; private set; }

    /// <summary>The model version it is about ("1.0").</summary>
    public string ModelVersion { get; private set; } = "";

    public CaseStage Stage { get; private set; }

    public FeedbackKind Kind { get; private set; }

    /// <summary>The language the sender wrote in (fi, sv, en).</summary>
    public string Language { get; private set; } = ModelLanguage.Finnish;

    public string Text { get; private set; } = "";

    public FeedbackStatus Status { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }

    public Guid? TriagedByUserId { get; private set; }

    public uint Version { get; private set; }

    public static class Errors
    {
        public static ValidationError TextRequired => new("Feedback.TextRequired") { Field = nameof(Text) };
        public static ValidationError TextTooLong => new("Feedback.TextTooLong") { Field = nameof(Text) };
        public static ValidationError TextHasIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = nameof(Text) };
        public static ValidationError AnswerRequired => new("Feedback.AnswerRequired") { Field = nameof(Answer) };
        public static ValidationError AnswerTooLong => new("Feedback.AnswerTooLong") { Field = nameof(Answer) };
        public static ValidationError AnswerHasIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = nameof(Answer) };
        public static ForbiddenError NotCoordinator => new("Feedback.NotCoordinator");
        public static ValidationError UnknownLanguage => new("Feedback.UnknownLanguage");

        public static InvalidTransitionError IllegalMove(FeedbackStatus from, FeedbackStatus to) =>
            new("Feedback.IllegalTransition") { ArgumentKeys = [$"FeedbackStatus.{from}", $"FeedbackStatus.{to}"] };
    }

    /// <summary>The rules of a text the sender writes (also run by the validator, so the form says the same).</summary>
    public static Error? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Errors.TextRequired
        : text.Trim().Length > TextMaxLength ? Errors.TextTooLong
        : PersonalData.ContainsIdentityCode(text) ? Errors.TextHasIdentityCode
        : null;

    /// <summary>The rules of a coordinator's answer.</summary>
    public static Error? CheckAnswer(string? answer) =>
        string.IsNullOrWhiteSpace(answer) ? Errors.AnswerRequired
        : answer.Trim().Length > AnswerMaxLength ? Errors.AnswerTooLong
        : PersonalData.ContainsIdentityCode(answer) ? Errors.AnswerHasIdentityCode
        : null;

    public static Result<ModelFeedback> Send(
        Actor sender, string modelVersion, CaseStage stage, FeedbackKind kind, string language, string? text, DateTimeOffset at)
    {
        if (CheckText(text) is { } error)
        {
            return error;
        }

        if (!ModelLanguage.All.Contains(language))
        {
            return Errors.UnknownLanguage;
        }

        return new ModelFeedback
        {
            Id = Guid.CreateVersion7(at),
            OrganisationId = sender.OrganisationId,
            CoordinationOrganisationId = Organisation.IdFor(OrganisationKind.NationalCoordination, Organisation.NationalCoordinationCode),
            SentByUserId = sender.UserId,
            ModelVersion = modelVersion,
            Stage = stage,
            Kind = kind,
            Language = language,
            Text = text!.Trim(),
            Status = FeedbackStatus.New,
            SentAt = at,
        };
    }

    /// <summary>
    /// A coordinator moves the feedback on (the table in <see cref="FeedbackTriage"/>). A decision the sender is told of
    /// needs an answer; the answer is then what the sender reads. Returns whether the sender is to be notified.
    /// </summary>
    public Result<bool> Triage(Actor coordinator, UserRole role, FeedbackStatus to, string? answer, DateTimeOffset at)
    {
        if (role != UserRole.Coordinator || coordinator.OrganisationId != CoordinationOrganisationId)
        {
            return Errors.NotCoordinator;
        }

        if (!FeedbackTriage.CanMove(Status, to))
        {
            return Errors.IllegalMove(Status, to);
        }

        var answers = FeedbackTriage.AnswersSender(to);
        if (answers && CheckAnswer(answer) is { } error)
        {
            return error;
        }

        Status = to;
        StatusChangedAt = at;
        TriagedByUserId = coordinator.UserId;
        if (answers)
        {
            Answer = answer!.Trim();
            AnsweredAt = at;
        }

        return answers;
    }
}
