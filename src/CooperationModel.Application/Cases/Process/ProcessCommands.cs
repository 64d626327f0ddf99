using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Cases.Process;

/// <summary>Stage 1: a guidance contact.</summary>
public sealed record RecordGuidanceCommand(Guid CaseId, GuidanceChannel? Channel, bool? HasDevices, bool? HasSkills);

/// <summary>Stage 2: the application's channel, dates and urgency.</summary>
public sealed record RecordApplicationCommand(Guid CaseId, ApplicationChannel? Channel, DateOnly? ReceivedOn, DateOnly? CompleteOn, bool UrgentRequested);

/// <summary>The phone call with the client and the agreed way of collecting the decision.</summary>
public sealed record LogClientCallCommand(Guid CaseId, DecisionCollection? AgreedCollection);

/// <summary>
/// What a Kela handler does to move a case through guidance, application and processing:
/// record guidance and the application, send it to a queue, take cases from the queues, confirm urgency or move
/// the case to the normal queue, log the call with the client, and move stages by hand where the table allows.
/// </summary>
public interface IProcessCommands
{
    Task<Result> RecordGuidanceAsync(RecordGuidanceCommand command, CancellationToken cancellationToken = default);

    Task<Result> RecordApplicationAsync(RecordApplicationCommand command, CancellationToken cancellationToken = default);

    Task<Result> SendToProcessingAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>Takes the oldest untaken case of a queue in the handler's district; returns its id.</summary>
    Task<Result<Guid>> TakeNextAsync(ProcessingQueue queue, CancellationToken cancellationToken = default);

    Task<Result> TakeAsync(Guid caseId, CancellationToken cancellationToken = default);

    Task<Result> ConfirmUrgencyAsync(Guid caseId, CancellationToken cancellationToken = default);

    Task<Result> MoveToNormalQueueAsync(Guid caseId, CancellationToken cancellationToken = default);

    Task<Result> LogClientCallAsync(LogClientCallCommand command, CancellationToken cancellationToken = default);

    Task<Result> AdvanceAsync(Guid caseId, CaseStage next, CancellationToken cancellationToken = default);
}

public sealed class ProcessCommands(
    CaseCommands cases,
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    IValidator<RecordGuidanceCommand> guidanceValidator,
    IValidator<RecordApplicationCommand> applicationValidator,
    TimeProvider clock) : IProcessCommands
{
    /// <summary>How often a take is retried when another handler took the same case a moment earlier.</summary>
    private const int TakeAttempts = 5;

    public static NotFoundError QueueEmpty => new("Queue.Empty");

    public async Task<Result> RecordGuidanceAsync(RecordGuidanceCommand command, CancellationToken cancellationToken = default)
    {
        var valid = await guidanceValidator.CheckAsync(command, cancellationToken);
        return !valid.IsSuccess
            ? valid
            : await cases.RunAsync(command.CaseId, (c, actor) =>
                c.RecordGuidance(actor, command.Channel!.Value, command.HasDevices!.Value, command.HasSkills!.Value, clock.GetUtcNow()), cancellationToken);
    }

    public async Task<Result> RecordApplicationAsync(RecordApplicationCommand command, CancellationToken cancellationToken = default)
    {
        var valid = await applicationValidator.CheckAsync(command, cancellationToken);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        var application = new ApplicationDetails(command.Channel!.Value, command.ReceivedOn!.Value, command.CompleteOn, command.UrgentRequested);
        return await cases.RunAsync(command.CaseId, (c, actor) => c.RecordApplication(actor, application, clock.Today(), clock.GetUtcNow()), cancellationToken);
    }

    public Task<Result> SendToProcessingAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        cases.RunAsync(caseId, (c, actor) => c.SendToProcessing(actor, clock.GetUtcNow()), cancellationToken);

    public async Task<Result<Guid>> TakeNextAsync(ProcessingQueue queue, CancellationToken cancellationToken = default)
    {
        if (user.Role != UserRole.KelaHandler)
        {
            return CommonErrors.WrongRole;
        }

        // Optimistic: pick the oldest untaken case and save with its row version. When another handler saved first,
        // our save fails and we move on to the next case, so two handlers never hold the same one.
        for (var attempt = 0; attempt < TakeAttempts; attempt++)
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var next = await db.Cases
                .Where(c => c.Stage == CaseStage.Processing && c.Queue == queue && c.HandlerUserId == null)
                .OrderBy(c => c.QueuedAt)
                .Include(c => c.Events)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return QueueEmpty;
            }

            var taken = next.Take(user.ToActor(), clock.GetUtcNow());
            if (!taken.IsSuccess)
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return next.Id;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Taken by someone else a moment ago: try the next one.
            }
        }

        return CommonErrors.ChangedByAnother;
    }

    public Task<Result> TakeAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        cases.RunAsync(caseId, (c, actor) => c.Take(actor, clock.GetUtcNow()), cancellationToken);

    public Task<Result> ConfirmUrgencyAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        cases.RunAsync(caseId, (c, actor) => c.ConfirmUrgency(actor, clock.GetUtcNow()), cancellationToken);

    public Task<Result> MoveToNormalQueueAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        cases.RunAsync(caseId, (c, actor) => c.MoveToNormalQueue(actor, clock.GetUtcNow()), cancellationToken);

    public Task<Result> LogClientCallAsync(LogClientCallCommand command, CancellationToken cancellationToken = default) =>
        command.AgreedCollection is not { } agreed
            ? Task.FromResult(Result.Failure(new ValidationError("Process.CollectionRequired") { Field = nameof(LogClientCallCommand.AgreedCollection) }))
            : cases.RunAsync(command.CaseId, (c, actor) => c.LogClientCall(actor, agreed, clock.GetUtcNow()), cancellationToken);

    public Task<Result> AdvanceAsync(Guid caseId, CaseStage next, CancellationToken cancellationToken = default) =>
        cases.RunAsync(caseId, (c, actor) => c.AdvanceTo(actor, next, clock.GetUtcNow()), cancellationToken);
}

public sealed class RecordGuidanceValidator : AbstractValidator<RecordGuidanceCommand>
{
    public RecordGuidanceValidator()
    {
        RuleFor(c => c.Channel).NotNull().WithMessage("Guidance.ChannelRequired").IsInEnum().WithMessage("Guidance.ChannelRequired");
        RuleFor(c => c.HasDevices).NotNull().WithMessage("Guidance.DevicesRequired");
        RuleFor(c => c.HasSkills).NotNull().WithMessage("Guidance.SkillsRequired");
    }
}

public sealed class RecordApplicationValidator : AbstractValidator<RecordApplicationCommand>
{
    public RecordApplicationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Channel).NotNull().WithMessage("Application.ChannelRequired").IsInEnum().WithMessage("Application.ChannelRequired");
        RuleFor(c => c.ReceivedOn).NotNull().WithMessage("Application.ReceivedRequired");
        RuleFor(c => c.ReceivedOn).MustPass(on => EnteredDate.Check(on, clock.Today(), nameof(RecordApplicationCommand.ReceivedOn)));
        RuleFor(c => c.CompleteOn).MustPass(on => EnteredDate.Check(on, clock.Today(), nameof(RecordApplicationCommand.CompleteOn)));
        RuleFor(c => c.CompleteOn)
            .Must((command, complete) => complete is null || command.ReceivedOn is null || complete >= command.ReceivedOn)
            .WithMessage("Case.CompleteBeforeReceived");
    }
}
