using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Pilots;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Pilots;

/// <summary>The list's filters; a null filter does not filter. A region matches the pilots that run there or nationally.</summary>
public sealed record PilotFilter(CaseStage? Stage = null, PilotStatus? Status = null, string? RegionCode = null, string? Owner = null);

public sealed record PilotRow(
    Guid Id, string Code, string NameFi, string? NameSv, PilotStatus Status, IReadOnlyList<CaseStage> Stages, DevelopmentArea Area,
    IReadOnlyList<string> Owners, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> MunicipalityCodes,
    string? TimetableFi, string? TimetableSv, DateOnly? StartMonth, DateOnly? EndMonth)
{
    public bool IsNational => RegionCodes.Count == 0 && MunicipalityCodes.Count == 0;
}

public sealed record PilotStatusChangeRow(PilotStatus? From, PilotStatus To, DateTimeOffset At, string ByName, string Reason);

public sealed record PilotEntryRow(Guid Id, PilotEntryKind Kind, string Text, DateTimeOffset At, string ByName);

public sealed record PilotDetails(
    PilotRow Pilot, string AimFi, string? AimSv, string Source, IReadOnlyList<string> AnswersWeaknessCodes,
    IReadOnlyList<PilotStatusChangeRow> History, IReadOnlyList<PilotEntryRow> Entries, IReadOnlyList<PilotStatus> NextStatuses)
{
    /// <summary>Its indicators, findings and verdicts, and what of them may be recorded now (<see cref="IPilotEvaluation"/>).</summary>
    public PilotEvaluationView Evaluation { get; init; } = PilotEvaluationView.Empty;

    /// <summary>What the current user may do with it (<see cref="PilotAccessRule"/>): the page renders only that (nothing unless set).</summary>
    public PilotAccess Access { get; init; }

    /// <summary>The app's organisations linked to it as its owners, by name (Finnish order).</summary>
    public IReadOnlyList<OrganisationName> OwnerOrganisations { get; init; } = [];
}

public sealed record ChangePilotStatusCommand(Guid PilotId, PilotStatus? To, string? Reason);

public sealed record AddPilotEntryCommand(Guid PilotId, PilotEntryKind Kind, string? Text);

public sealed record SetPilotWeaknessesCommand(Guid PilotId, IReadOnlyList<string> WeaknessCodes);

public sealed record SetPilotOwnerOrganisationsCommand(Guid PilotId, IReadOnlyList<Guid> OrganisationIds);

/// <summary>
/// The development pilots: for coordinators the list (filtered and paged in the database), the timeline, one pilot with
/// its history, and the changes (status with a reason, updates and comments, the weaknesses it answers, the owner
/// organisations). National records: every coordinator reads and changes the same pilots. A user of an owner
/// organisation reads that pilot and comments on it (<see cref="PilotAccessRule"/>; <see cref="GetAsync"/>,
/// <see cref="AddEntryAsync"/>, <see cref="MineAsync"/>); to anyone else a pilot is not found.
/// </summary>
public interface IPilotRegistry
{
    Task<Result<Page<PilotRow>>> ListAsync(PilotFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Every pilot, ordered by its first month (those without a timetable last).</summary>
    Task<Result<IReadOnlyList<PilotRow>>> TimelineAsync(CancellationToken cancellationToken = default);

    /// <summary>The owner names in use, for the owner filter.</summary>
    Task<Result<IReadOnlyList<string>>> OwnersAsync(CancellationToken cancellationToken = default);

    Task<Result<PilotDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Result> ChangeStatusAsync(ChangePilotStatusCommand command, CancellationToken cancellationToken = default);

    Task<Result> AddEntryAsync(AddPilotEntryCommand command, CancellationToken cancellationToken = default);

    Task<Result> SetWeaknessesAsync(SetPilotWeaknessesCommand command, CancellationToken cancellationToken = default);

    /// <summary>Links the pilot to app organisations as its owners (coordinators only).</summary>
    Task<Result> SetOwnerOrganisationsAsync(SetPilotOwnerOrganisationsCommand command, CancellationToken cancellationToken = default);

    /// <summary>The pilots the current user's organisation owns, paged in the database (any signed-in user).</summary>
    Task<Result<Page<PilotRow>>> MineAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Whether the current user's organisation owns any pilot (for the menu).</summary>
    Task<bool> AnyMineAsync(CancellationToken cancellationToken = default);
}

public sealed class PilotRegistry(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider time) : IPilotRegistry
{
    public static NotFoundError NotFound => new("Pilot.NotFound");

    public static ValidationError StatusRequired => new("Pilot.StatusRequired") { Field = "Status" };

    public async Task<Result<Page<PilotRow>>> ListAsync(PilotFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (Check() is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var query = db.Pilots.AsNoTracking();
        if (filter.Stage is { } stage)
        {
            query = query.Where(p => p.Stages.Contains(stage));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.RegionCode is { Length: > 0 } region)
        {
            query = query.Where(p => p.AreaRegionCodes.Contains(region) || (p.RegionCodes.Count == 0 && p.MunicipalityCodes.Count == 0));
        }

        if (filter.Owner is { Length: > 0 } owner)
        {
            query = query.Where(p => p.Owners.Contains(owner));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(query.OrderBy(p => p.NameFi).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Take)).ToListAsync(cancellationToken);
        return new Page<PilotRow>(rows, total);
    }

    public async Task<Result<IReadOnlyList<PilotRow>>> TimelineAsync(CancellationToken cancellationToken = default)
    {
        if (Check() is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await Project(db.Pilots.AsNoTracking()
                .OrderBy(p => p.StartMonth == null)
                .ThenBy(p => p.StartMonth)
                .ThenBy(p => p.EndMonth)
                .ThenBy(p => p.NameFi))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<Result<IReadOnlyList<string>>> OwnersAsync(CancellationToken cancellationToken = default)
    {
        if (Check() is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var owners = await db.Pilots.AsNoTracking().SelectMany(p => p.Owners).Distinct().ToListAsync(cancellationToken);
        return owners.Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), ignoreCase: true)).ToList();
    }

    public async Task<Result<PilotDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var owners = await db.Pilots.AsNoTracking().Where(p => p.Id == id).Select(p => p.OwnerOrganisationIds).SingleOrDefaultAsync(cancellationToken);
        var access = owners is null ? PilotAccess.None : PilotAccessRule.For(user.Role, user.OrganisationId, owners);
        if (!access.Reads())
        {
            return NotFound;
        }

        var pilot = await Project(db.Pilots.AsNoTracking().Where(p => p.Id == id)).SingleAsync(cancellationToken);
        var more = await db.Pilots.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.AimFi, p.AimSv, p.Source, p.AnswersWeaknessCodes })
            .SingleAsync(cancellationToken);
        var history = await db.PilotStatusChanges.AsNoTracking().Where(c => c.PilotId == id).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new PilotStatusChangeRow(c.From, c.To, c.At, c.ByName, c.Reason))
            .ToListAsync(cancellationToken);
        var entries = await db.PilotEntries.AsNoTracking().Where(e => e.PilotId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new PilotEntryRow(e.Id, e.Kind, e.Text, e.At, e.ByName))
            .ToListAsync(cancellationToken);
        var evaluation = await PilotEvaluation.ReadAsync(db, id, pilot.Status, history.Any(c => c.To == PilotStatus.UnderEvaluation), cancellationToken);
        var names = await db.OrganisationNamesAsync(owners!, cancellationToken);
        var changes = access.Changes();
        return new PilotDetails(
            pilot, more.AimFi, more.AimSv, more.Source, more.AnswersWeaknessCodes, history, entries, changes ? PilotStatuses.NextFrom(pilot.Status) : [])
        {
            // What may be recorded of the evaluation is the domain's answer for the status, and nothing for a reader.
            Evaluation = changes ? evaluation : evaluation with { Allowed = PilotEvaluationView.Empty.Allowed },
            Access = access,
            OwnerOrganisations = [.. names.Values.OrderBy(o => o.NameFi, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), ignoreCase: true))],
        };
    }

    public Task<Result> ChangeStatusAsync(ChangePilotStatusCommand command, CancellationToken cancellationToken = default) =>
        command.To is not { } to
            ? Task.FromResult<Result>(StatusRequired)
            : WorkAsync(command.PilotId, (pilot, _) => pilot.ChangeStatus(to, command.Reason, user.ToActor(), time.GetUtcNow()), cancellationToken);

    /// <summary>A coordinator adds an update or a comment; a user of an owner organisation a comment; to anyone else the pilot is not found.</summary>
    public async Task<Result> AddEntryAsync(AddPilotEntryCommand command, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var pilot = await db.Pilots.SingleOrDefaultAsync(p => p.Id == command.PilotId, cancellationToken);
        if (pilot is null)
        {
            return NotFound;
        }

        var added = pilot.AddEntry(pilot.AccessFor(user.Role, user.OrganisationId), command.Kind, command.Text, user.ToActor(), time.GetUtcNow());
        if (!added.TryGetValue(out var entry))
        {
            return added;
        }

        db.PilotEntries.Add(entry);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    public async Task<Result> SetWeaknessesAsync(SetPilotWeaknessesCommand command, CancellationToken cancellationToken = default)
    {
        if (Check() is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var weaknesses = (await db.SwotFindings.AsNoTracking().Where(f => f.Kind == Domain.Swot.SwotKind.Weakness).Select(f => f.Code).ToListAsync(cancellationToken)).ToHashSet();
        var pilot = await db.Pilots.SingleOrDefaultAsync(p => p.Id == command.PilotId, cancellationToken);
        if (pilot is null)
        {
            return NotFound;
        }

        var set = pilot.SetAnsweredWeaknesses(command.WeaknessCodes, weaknesses);
        return set.IsSuccess ? await db.SaveOrConflictAsync(cancellationToken) : set;
    }

    public async Task<Result> SetOwnerOrganisationsAsync(SetPilotOwnerOrganisationsCommand command, CancellationToken cancellationToken = default)
    {
        if (Check() is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var ids = command.OrganisationIds.Distinct().ToList();
        var known = (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        var pilot = await db.Pilots.SingleOrDefaultAsync(p => p.Id == command.PilotId, cancellationToken);
        if (pilot is null)
        {
            return NotFound;
        }

        var set = pilot.SetOwnerOrganisations(ids, known);
        return set.IsSuccess ? await db.SaveOrConflictAsync(cancellationToken) : set;
    }

    public async Task<Result<Page<PilotRow>>> MineAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || user.Role is null)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var query = Mine(db);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(query.OrderBy(p => p.NameFi).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Take)).ToListAsync(cancellationToken);
        return new Page<PilotRow>(rows, total);
    }

    public async Task<bool> AnyMineAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || user.Role is null or UserRole.Coordinator)
        {
            return false;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await Mine(db).AnyAsync(cancellationToken);
    }

    /// <summary>The pilots whose owner organisations include the user's (none when no organisation is set).</summary>
    private IQueryable<DevelopmentPilot> Mine(IAppDbContext db)
    {
        var organisationId = user.OrganisationId;
        return db.Pilots.AsNoTracking().Where(p => organisationId != Guid.Empty && p.OwnerOrganisationIds.Contains(organisationId));
    }

    /// <summary>Loads the pilot with its history for work, runs one change, and saves (a concurrent change is a conflict).</summary>
    private async Task<Result> WorkAsync(Guid pilotId, Func<DevelopmentPilot, IAppDbContext, Result> change, CancellationToken cancellationToken)
    {
        if (Check() is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var pilot = await db.Pilots.Include(p => p.StatusChanges).SingleOrDefaultAsync(p => p.Id == pilotId, cancellationToken);
        if (pilot is null)
        {
            return NotFound;
        }

        var before = pilot.StatusChanges.Count;
        var result = change(pilot, db);
        if (!result.IsSuccess)
        {
            return result;
        }

        foreach (var added in pilot.StatusChanges.Skip(before))
        {
            db.PilotStatusChanges.Add(added);
        }

        return await db.SaveOrConflictAsync(cancellationToken);
    }

    private static IQueryable<PilotRow> Project(IQueryable<DevelopmentPilot> query) =>
        query.Select(p => new PilotRow(
            p.Id, p.Code, p.NameFi, p.NameSv, p.Status, p.Stages, p.Area, p.Owners, p.RegionCodes, p.MunicipalityCodes,
            p.TimetableFi, p.TimetableSv, p.StartMonth, p.EndMonth));

    private Error? Check() => user.Role == UserRole.Coordinator ? null : CommonErrors.WrongRole;
}
