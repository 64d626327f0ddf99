using CooperationModel.Application.Common;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.AccessLog.SearchAccessLog;

/// <summary>
/// A search of the organisation's use log: by client (the identity code hash, <see cref="IIdentityCodeHasher"/>), by
/// user, or both, within a range of days in Finnish time (both ends included); either end may be left open.
/// </summary>
public sealed record AccessLogSearch(string? ClientKey, Guid? UserId, DateOnly? From, DateOnly? To);

/// <summary>One entry as the admin sees it. The client is not named: the search was for them, or for a user.</summary>
public sealed record AccessLogRow(
    long Id,
    DateTimeOffset At,
    Guid? UserId,
    string UserName,
    UserRole? Role,
    AccessAction Action,
    AccessRecordType RecordType,
    Guid? RecordId,
    string? Section,
    AccessResult Result,
    AccessPurpose Purpose,
    string? Detail);

public interface IAccessLogSearchHandler
{
    /// <summary>One page of the matching entries, newest first. Logged as a view of the log.</summary>
    Task<Result<Page<AccessLogRow>>> SearchAsync(AccessLogSearch search, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>All matching entries (at most <see cref="AccessLogSearchHandler.MaxExportRows"/>), newest first, for a file. Logged as an export.</summary>
    Task<Result<IReadOnlyList<AccessLogRow>>> ExportAsync(AccessLogSearch search, CancellationToken cancellationToken = default);
}

/// <summary>
/// The organisation admin's search of their organisation's use log. Only an organisation admin may search, and only
/// their own organisation's log (stated in the query too, so the (organisation_id, …, at) indexes apply). Every
/// search and export is itself logged, as a work task.
/// </summary>
public sealed class AccessLogSearchHandler(
    IAppDbContextFactory dbFactory, ICurrentUser user, IAccessLog accessLog, IValidator<AccessLogSearch> validator) : IAccessLogSearchHandler
{
    public const int MaxExportRows = 10_000;

    public static ForbiddenError Forbidden => new("AccessLog.Forbidden");

    public static ValidationError RangeInvalid => new("AccessLog.RangeInvalid");

    /// <summary>A day outside <see cref="AccessLogSearchValidator.EarliestDay"/>–<see cref="AccessLogSearchValidator.LatestDay"/>.</summary>
    public static ValidationError DayOutOfRange => new("AccessLog.DayOutOfRange");

    public async Task<Result<Page<AccessLogRow>>> SearchAsync(AccessLogSearch search, PageRequest page, CancellationToken cancellationToken = default)
    {
        var check = await CheckAsync(search, cancellationToken);
        if (check.IsSuccess)
        {
            check = ListRules.CheckPage(page);
        }

        if (!check.IsSuccess)
        {
            return Result<Page<AccessLogRow>>.Failure(check.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var entries = Matching(db, search);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await Rows(entries).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);

        accessLog.Add(db, AccessRecordType.AccessLog, null, search.ClientKey, AccessAction.View, AccessPurpose.WorkTask, detail: Detail(search, total));
        await db.SaveChangesAsync(cancellationToken);
        return new Page<AccessLogRow>(rows, total);
    }

    public async Task<Result<IReadOnlyList<AccessLogRow>>> ExportAsync(AccessLogSearch search, CancellationToken cancellationToken = default)
    {
        var check = await CheckAsync(search, cancellationToken);
        if (!check.IsSuccess)
        {
            return Result<IReadOnlyList<AccessLogRow>>.Failure(check.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await Rows(Matching(db, search)).Take(MaxExportRows).ToListAsync(cancellationToken);

        accessLog.Add(db, AccessRecordType.AccessLog, null, search.ClientKey, AccessAction.Export, AccessPurpose.WorkTask, detail: Detail(search, rows.Count));
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    private async Task<Result> CheckAsync(AccessLogSearch search, CancellationToken cancellationToken) =>
        user.IsAuthenticated && user.Role == UserRole.OrganisationAdmin ? await validator.CheckAsync(search, cancellationToken) : Forbidden;

    private IQueryable<AccessLogEntry> Matching(IAppDbContext db, AccessLogSearch search)
    {
        var organisation = user.OrganisationId;
        var entries = db.AccessLog.AsNoTracking().Where(e => e.OrganisationId == organisation);
        if (!string.IsNullOrEmpty(search.ClientKey))
        {
            entries = entries.Where(e => e.ClientKey == search.ClientKey);
        }

        if (search.UserId is { } userId)
        {
            entries = entries.Where(e => e.UserId == userId);
        }

        if (search.From is { } from)
        {
            var start = FinnishTime.StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (search.To is { } to)
        {
            var end = FinnishTime.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }

    private static IQueryable<AccessLogRow> Rows(IQueryable<AccessLogEntry> entries) =>
        entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AccessLogRow(
                e.Id, e.At, e.UserId, e.UserName, e.Role, e.Action, e.RecordType, e.RecordId, e.Section, e.Result, e.Purpose, e.Detail));

    /// <summary>What was searched, without personal data: the kind of search and how many rows it gave.</summary>
    private static string Detail(AccessLogSearch search, int rows) =>
        AccessLogDetails.Search(search.ClientKey is { Length: > 0 }, search.UserId is not null, rows);
}
