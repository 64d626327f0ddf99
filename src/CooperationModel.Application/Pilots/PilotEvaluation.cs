using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Pilots;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Pilots;

public sealed record PilotIndicatorRow(Guid Id, string Name, string Target, string? Baseline, string? Result, DateTimeOffset ChangedAt, string ChangedByName);

public sealed record PilotFindingRow(Guid Id, string Text, DateTimeOffset At, string ByName);

public sealed record PilotVerdictRow(PilotVerdict Verdict, string Rationale, DateTimeOffset At, string ByName)
{
    public PilotStatus SuggestedStatus => PilotEvaluationRules.SuggestedStatus(Verdict);
}

/// <summary>A pilot's evaluation as the page shows it, with what the domain allows to be recorded now.</summary>
public sealed record PilotEvaluationView(
    IReadOnlyList<PilotIndicatorRow> Indicators, IReadOnlyList<PilotFindingRow> Findings, IReadOnlyList<PilotVerdictRow> Verdicts,
    PilotEvaluationAllowed Allowed)
{
    public static PilotEvaluationView Empty { get; } = new([], [], [], new PilotEvaluationAllowed(false, false, false));

    /// <summary>The verdict that counts: the last one given.</summary>
    public PilotVerdictRow? Verdict => Verdicts.Count > 0 ? Verdicts[^1] : null;
}

public sealed record AddPilotIndicatorCommand(Guid PilotId, string? Name, string? Target, string? Baseline, string? Result);

public sealed record EditPilotIndicatorCommand(Guid PilotId, Guid IndicatorId, string? Name, string? Target, string? Baseline, string? Result);

public sealed record RemovePilotIndicatorCommand(Guid PilotId, Guid IndicatorId);

public sealed record AddPilotFindingCommand(Guid PilotId, string? Text);

public sealed record GivePilotVerdictCommand(Guid PilotId, PilotVerdict? Verdict, string? Rationale);

/// <summary>
/// Recording a pilot's evaluation: indicators, findings, the verdict. Coordinators only, like every change of the registry;
/// when each part is open is the domain's rule (<see cref="PilotEvaluationRules"/>). The evaluation is read with the
/// pilot (<see cref="PilotDetails.Evaluation"/>).
/// </summary>
public interface IPilotEvaluation
{
    Task<Result> AddIndicatorAsync(AddPilotIndicatorCommand command, CancellationToken cancellationToken = default);

    Task<Result> EditIndicatorAsync(EditPilotIndicatorCommand command, CancellationToken cancellationToken = default);

    Task<Result> RemoveIndicatorAsync(RemovePilotIndicatorCommand command, CancellationToken cancellationToken = default);

    Task<Result> AddFindingAsync(AddPilotFindingCommand command, CancellationToken cancellationToken = default);

    Task<Result> GiveVerdictAsync(GivePilotVerdictCommand command, CancellationToken cancellationToken = default);
}

public sealed class PilotEvaluation(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider time) : IPilotEvaluation
{
    public Task<Result> AddIndicatorAsync(AddPilotIndicatorCommand command, CancellationToken cancellationToken = default) =>
        WorkAsync(command.PilotId, (pilot, db) =>
        {
            var added = pilot.AddIndicator(command.Name, command.Target, command.Baseline, command.Result, user.ToActor(), time.GetUtcNow());
            if (added.TryGetValue(out var indicator))
            {
                db.PilotIndicators.Add(indicator);
            }

            return added;
        }, cancellationToken);

    public Task<Result> EditIndicatorAsync(EditPilotIndicatorCommand command, CancellationToken cancellationToken = default) =>
        WorkAsync(command.PilotId, (pilot, _) =>
            pilot.EditIndicator(command.IndicatorId, command.Name, command.Target, command.Baseline, command.Result, user.ToActor(), time.GetUtcNow()),
            cancellationToken);

    public Task<Result> RemoveIndicatorAsync(RemovePilotIndicatorCommand command, CancellationToken cancellationToken = default) =>
        WorkAsync(command.PilotId, (pilot, db) =>
        {
            var removed = pilot.RemoveIndicator(command.IndicatorId);
            if (removed.TryGetValue(out var indicator))
            {
                db.PilotIndicators.Remove(indicator);
            }

            return removed;
        }, cancellationToken);

    public Task<Result> AddFindingAsync(AddPilotFindingCommand command, CancellationToken cancellationToken = default) =>
        WorkAsync(command.PilotId, (pilot, db) =>
        {
            var added = pilot.AddFinding(command.Text, user.ToActor(), time.GetUtcNow());
            if (added.TryGetValue(out var finding))
            {
                db.PilotEvaluationFindings.Add(finding);
            }

            return added;
        }, cancellationToken);

    public Task<Result> GiveVerdictAsync(GivePilotVerdictCommand command, CancellationToken cancellationToken = default) =>
        WorkAsync(command.PilotId, (pilot, db) =>
        {
            var given = pilot.GiveVerdict(command.Verdict, command.Rationale, user.ToActor(), time.GetUtcNow());
            if (given.TryGetValue(out var verdict))
            {
                db.PilotVerdicts.Add(verdict);
            }

            return given;
        }, cancellationToken);

    /// <summary>The pilot's evaluation, read without tracking (for <see cref="PilotRegistry.GetAsync"/>).</summary>
    internal static async Task<PilotEvaluationView> ReadAsync(IAppDbContext db, Guid pilotId, PilotStatus status, bool wasUnderEvaluation, CancellationToken cancellationToken)
    {
        var indicators = await db.PilotIndicators.AsNoTracking().Where(i => i.PilotId == pilotId).OrderBy(i => i.Id)
            .Select(i => new PilotIndicatorRow(i.Id, i.Name, i.Target, i.Baseline, i.Result, i.ChangedAt, i.ChangedByName))
            .ToListAsync(cancellationToken);
        var findings = await db.PilotEvaluationFindings.AsNoTracking().Where(f => f.PilotId == pilotId).OrderBy(f => f.At).ThenBy(f => f.Id)
            .Select(f => new PilotFindingRow(f.Id, f.Text, f.At, f.ByName))
            .ToListAsync(cancellationToken);
        var verdicts = await db.PilotVerdicts.AsNoTracking().Where(v => v.PilotId == pilotId).OrderBy(v => v.At).ThenBy(v => v.Id)
            .Select(v => new PilotVerdictRow(v.Verdict, v.Rationale, v.At, v.ByName))
            .ToListAsync(cancellationToken);
        return new PilotEvaluationView(indicators, findings, verdicts, PilotEvaluationRules.For(status, wasUnderEvaluation));
    }

    /// <summary>Loads the pilot with its history and indicators, runs one change, and saves.</summary>
    private async Task<Result> WorkAsync(Guid pilotId, Func<DevelopmentPilot, IAppDbContext, Result> change, CancellationToken cancellationToken)
    {
        if (user.Role != UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var pilot = await db.Pilots.Include(p => p.StatusChanges).Include(p => p.Indicators)
            .SingleOrDefaultAsync(p => p.Id == pilotId, cancellationToken);
        if (pilot is null)
        {
            return PilotRegistry.NotFound;
        }

        var result = change(pilot, db);
        return result.IsSuccess ? await db.SaveOrConflictAsync(cancellationToken) : result;
    }
}
