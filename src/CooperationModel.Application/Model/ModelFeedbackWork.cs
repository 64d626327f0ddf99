using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Model;
using CooperationModel.Domain.Organisations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Model;

/// <summary>
/// Feedback on a stage of the model, written in the sender's language (fi, sv, en), on the published version the sender
/// was reading (<see cref="ModelVersion"/>; null: the newest published version).
/// </summary>
public sealed record SendFeedbackCommand(CaseStage? Stage, FeedbackKind? Kind, string? Text, string Language, string? ModelVersion = null);

/// <summary>A coordinator's move of one piece of feedback; <see cref="Answer"/> is needed for a decision.</summary>
public sealed record TriageFeedbackCommand(Guid Id, FeedbackStatus? To, string? Answer, uint Version);

/// <summary>Feedback as its sender reads it back, with the coordinators' answer once there is one.</summary>
public sealed record MyFeedbackRow(
    Guid Id, string ModelVersion, CaseStage Stage, FeedbackKind Kind, string Text, FeedbackStatus Status, DateTimeOffset SentAt,
    string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>
/// Feedback as the coordinators triage it: the text and its language, and which kind of organisation sent it; never
/// who sent it (the feedback is about the model, and the sender is told of the answer without being named here).
/// </summary>
public sealed record TriageFeedbackRow(
    Guid Id, string ModelVersion, CaseStage Stage, FeedbackKind Kind, string Language, string Text, FeedbackStatus Status,
    DateTimeOffset SentAt, string? Answer, uint Version, IReadOnlyList<FeedbackStatus> NextStatuses);

/// <summary>How many pieces of feedback one stage has in one status.</summary>
public sealed record FeedbackCount(CaseStage Stage, FeedbackStatus Status, int Count);

public interface IModelFeedbackHandler
{
    /// <summary>Any signed-in user sends feedback on a stage of the published model.</summary>
    Task<Result<Guid>> SendAsync(SendFeedbackCommand command, CancellationToken cancellationToken = default);

    /// <summary>The user's own feedback, newest first.</summary>
    Task<IReadOnlyList<MyFeedbackRow>> ListMineAsync(CancellationToken cancellationToken = default);

    /// <summary>Coordinators: every organisation's feedback, open first, optionally of one stage or status.</summary>
    Task<Result<IReadOnlyList<TriageFeedbackRow>>> ListForTriageAsync(
        CaseStage? stage, FeedbackStatus? status, CancellationToken cancellationToken = default);

    /// <summary>Coordinators: the counts per stage and status (every stage and status, zeros included).</summary>
    Task<Result<IReadOnlyList<FeedbackCount>>> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Coordinators: moves one piece on; a decision answers the sender, who is notified.</summary>
    Task<Result> TriageAsync(TriageFeedbackCommand command, CancellationToken cancellationToken = default);
}

public sealed class ModelFeedbackHandler(
    IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IValidator<SendFeedbackCommand> validator)
    : IModelFeedbackHandler
{
    public static NotFoundError NotFound => new("Feedback.NotFound");

    public static ValidationError UnknownVersion => new("Feedback.UnknownVersion") { Field = nameof(SendFeedbackCommand.ModelVersion) };

    public async Task<Result<Guid>> SendAsync(SendFeedbackCommand command, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || user.Role is null)
        {
            return CommonErrors.WrongRole;
        }

        var valid = await validator.CheckAsync(command, cancellationToken);
        if (!valid.IsSuccess)
        {
            return Result<Guid>.Failure(valid.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await PublishedVersionAsync(db, command.ModelVersion, cancellationToken) is not { } version)
        {
            return UnknownVersion;
        }

        var sent = ModelFeedback.Send(
            user.ToActor(), version, command.Stage!.Value, command.Kind!.Value,
            ModelLanguage.Of(command.Language), command.Text, clock.GetUtcNow());
        if (!sent.TryGetValue(out var feedback))
        {
            return Result<Guid>.Failure(sent.Errors);
        }

        db.ModelFeedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        return feedback.Id;
    }

    public async Task<IReadOnlyList<MyFeedbackRow>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.ModelFeedback.AsNoTracking()
            .Where(f => f.OrganisationId == user.OrganisationId && f.SentByUserId == user.UserId)
            .OrderByDescending(f => f.SentAt)
            .Select(f => new MyFeedbackRow(f.Id, f.ModelVersion, f.Stage, f.Kind, f.Text, f.Status, f.SentAt, f.Answer, f.AnsweredAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<IReadOnlyList<TriageFeedbackRow>>> ListForTriageAsync(
        CaseStage? stage, FeedbackStatus? status, CancellationToken cancellationToken = default)
    {
        if (!IsCoordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var query = db.ModelFeedback.AsNoTracking().Where(f => f.CoordinationOrganisationId == user.OrganisationId);
        if (stage is { } s)
        {
            query = query.Where(f => f.Stage == s);
        }

        if (status is { } st)
        {
            query = query.Where(f => f.Status == st);
        }

        var rows = await query
            .OrderBy(f => f.Status == FeedbackStatus.New ? 0 : f.Status == FeedbackStatus.UnderReview ? 1 : 2)
            .ThenByDescending(f => f.SentAt)
            .Select(f => new { f.Id, f.ModelVersion, f.Stage, f.Kind, f.Language, f.Text, f.Status, f.SentAt, f.Answer, f.Version })
            .ToListAsync(cancellationToken);
        return rows
            .Select(f => new TriageFeedbackRow(
                f.Id, f.ModelVersion, f.Stage, f.Kind, f.Language, f.Text, f.Status, f.SentAt, f.Answer, f.Version, FeedbackTriage.NextFrom(f.Status)))
            .ToList();
    }

    public async Task<Result<IReadOnlyList<FeedbackCount>>> CountAsync(CancellationToken cancellationToken = default)
    {
        if (!IsCoordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var counts = await db.ModelFeedback.AsNoTracking()
            .Where(f => f.CoordinationOrganisationId == user.OrganisationId)
            .GroupBy(f => new { f.Stage, f.Status })
            .Select(g => new { g.Key.Stage, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return (from stage in CaseStages.All
                from status in FeedbackTriage.All
                select new FeedbackCount(stage, status, counts.FirstOrDefault(c => c.Stage == stage && c.Status == status)?.Count ?? 0))
            .ToList();
    }

    public async Task<Result> TriageAsync(TriageFeedbackCommand command, CancellationToken cancellationToken = default)
    {
        if (!IsCoordinator)
        {
            return CommonErrors.WrongRole;
        }

        if (command.To is not { } to || !Enum.IsDefined(to))
        {
            return new ValidationError("Feedback.StatusRequired") { Field = nameof(TriageFeedbackCommand.To) };
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var feedback = await db.ModelFeedback.FirstOrDefaultAsync(
            f => f.Id == command.Id && f.CoordinationOrganisationId == user.OrganisationId, cancellationToken);
        if (feedback is null)
        {
            return NotFound;
        }

        if (feedback.Version != command.Version)
        {
            return CommonErrors.ChangedByAnother;
        }

        var now = clock.GetUtcNow();
        var moved = feedback.Triage(user.ToActor(), user.Role!.Value, to, command.Answer, now);
        if (!moved.TryGetValue(out var notify))
        {
            return Result.Failure(moved.Errors);
        }

        if (notify)
        {
            db.Notifications.Add(ModelFeedbackNotifications.Answered(feedback, now));
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private bool IsCoordinator => user.Role == UserRole.Coordinator && user.OrganisationKind == OrganisationKind.NationalCoordination;

    /// <summary>
    /// The published version feedback is given on: <paramref name="wanted"/> when it is published (v1.0 is, as shipped
    /// data), the newest published one when it is null; null when <paramref name="wanted"/> is no published version.
    /// </summary>
    private static async Task<string?> PublishedVersionAsync(IAppDbContext db, string? wanted, CancellationToken cancellationToken)
    {
        var published = db.ModelVersions.AsNoTracking().Where(v => v.PublishedOn != null);
        if (wanted is null)
        {
            return await published.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.CreatedAt).Select(v => v.Number)
                .FirstOrDefaultAsync(cancellationToken) ?? CooperationModelContent.FirstVersion;
        }

        return wanted == CooperationModelContent.FirstVersion || await published.AnyAsync(v => v.Number == wanted, cancellationToken) ? wanted : null;
    }
}

public sealed class SendFeedbackValidator : AbstractValidator<SendFeedbackCommand>
{
    public const string StageRequired = "Feedback.StageRequired";
    public const string KindRequired = "Feedback.KindRequired";

    public SendFeedbackValidator()
    {
        RuleFor(c => c.Stage).NotNull().WithMessage(StageRequired).IsInEnum().WithMessage(StageRequired);
        RuleFor(c => c.Kind).NotNull().WithMessage(KindRequired).IsInEnum().WithMessage(KindRequired);
        RuleFor(c => c.Text).Custom((text, context) =>
        {
            if (ModelFeedback.CheckText(text) is { } error)
            {
                context.AddFailure(nameof(SendFeedbackCommand.Text), error.Code);
            }
        });
    }

}
