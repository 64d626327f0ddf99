using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperationModel.Application.Directory.Environments;

/// <summary>One organiser's line of the overview: its municipalities, how many are assessed, and the share.</summary>
public sealed record OrganiserAssessmentShare(string OrganiserCode, int Municipalities, int Assessed)
{
    /// <summary>The share assessed, 0–100, whole per cent rounded down (an organiser with one left is not shown as done).</summary>
    public int SharePercent => Municipalities == 0 ? 0 : Assessed * 100 / Municipalities;
}

/// <summary>The overview: every organiser's line (Finnish name order) and the totals.</summary>
public sealed record AssessmentOverview(IReadOnlyList<OrganiserAssessmentShare> Organisers)
{
    public int Municipalities => Organisers.Sum(o => o.Municipalities);

    public int Assessed => Organisers.Sum(o => o.Assessed);

    public int SharePercent => Municipalities == 0 ? 0 : Assessed * 100 / Municipalities;
}

/// <summary>The list's filters; a null filter does not filter.</summary>
public sealed record EnvironmentFilter(string? OrganiserCode = null, OperatingEnvironmentType? Type = null, bool StaleOnly = false);

public sealed record EnvironmentRow(string MunicipalityCode, string NameFi, string NameSv, string OrganiserCode, OperatingEnvironmentType Type, CheckedOn? Checked, bool IsStale);

/// <summary>
/// The operating environments across the country, for anyone signed in: per organiser the share of its municipalities
/// assessed (one grouped query), and the municipalities filtered by organiser, type and staleness, paged in the database
/// (ordered by Finnish name). Stale is <see cref="CheckedOn"/>'s rule with the setting <c>Directory:StaleAfterMonths</c>.
/// </summary>
public interface IOperatingEnvironmentOverview
{
    Task<Result<AssessmentOverview>> OverviewAsync(CancellationToken cancellationToken = default);

    Task<Result<Page<EnvironmentRow>>> ListAsync(EnvironmentFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The organiser whose environments the current user changes (the page's "my municipalities"), or null.</summary>
    string? MyOrganiserCode { get; }
}

public sealed class OperatingEnvironmentOverview(
    IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IOptions<DirectoryOptions> options) : IOperatingEnvironmentOverview
{
    public static ValidationError UnknownOrganiser => new("Environment.UnknownOrganiser") { Field = "organiser" };

    public static ValidationError UnknownType => new("Environment.UnknownType") { Field = "type" };

    public string? MyOrganiserCode => user.IsAuthenticated
        ? OperatingEnvironmentAccessRule.OrganiserChangedBy(user.Role, user.OrganisationKind, user.OrganisationId, ReferenceCatalog.Instance.Organisers.Select(o => o.Code))
        : null;

    public async Task<Result<AssessmentOverview>> OverviewAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
        {
            return OperatingEnvironments.NotFound;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var counts = await db.OperatingEnvironments.AsNoTracking()
            .GroupBy(e => e.OrganiserCode)
            .Select(g => new { Code = g.Key, Municipalities = g.Count(), Assessed = g.Count(e => e.Type != OperatingEnvironmentType.NotAssessed) })
            .ToDictionaryAsync(c => c.Code, cancellationToken);
        var lines = ReferenceCatalog.Instance.Organisers
            .OrderBy(o => o.NameFi, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), false))
            .Select(o => counts.TryGetValue(o.Code, out var c)
                ? new OrganiserAssessmentShare(o.Code, c.Municipalities, c.Assessed)
                : new OrganiserAssessmentShare(o.Code, 0, 0))
            .ToList();
        return new AssessmentOverview(lines);
    }

    public async Task<Result<Page<EnvironmentRow>>> ListAsync(EnvironmentFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
        {
            return OperatingEnvironments.NotFound;
        }

        var errors = new List<Error>(ListRules.CheckPage(page).Errors);
        if (filter.OrganiserCode is { Length: > 0 } code && !ReferenceCatalog.Instance.Organisers.Any(o => o.Code == code))
        {
            errors.Add(UnknownOrganiser);
        }

        if (filter.Type is { } type && !Enum.IsDefined(type))
        {
            errors.Add(UnknownType);
        }

        if (errors.Count > 0)
        {
            return Result<Page<EnvironmentRow>>.Failure(errors);
        }

        var today = clock.Today();
        var freshFrom = CheckedOn.FreshFrom(today, options.Value.StaleAfterMonths);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var query = db.OperatingEnvironments.AsNoTracking();
        if (filter.OrganiserCode is { Length: > 0 } organiser)
        {
            query = query.Where(e => e.OrganiserCode == organiser);
        }

        if (filter.Type is { } wanted)
        {
            query = query.Where(e => e.Type == wanted);
        }

        if (filter.StaleOnly)
        {
            query = query.Where(CheckedOn.StaleBefore<OperatingEnvironment>(e => e.CheckedOnDate!.Value, freshFrom));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .Join(db.Municipalities, e => e.MunicipalityCode, m => m.Code, (e, m) => new { e, m.NameFi, m.NameSv })
            .OrderBy(x => x.NameFi).ThenBy(x => x.e.MunicipalityCode)
            .Skip(page.Skip).Take(page.Take)
            .Select(x => new { x.e.MunicipalityCode, x.NameFi, x.NameSv, x.e.OrganiserCode, x.e.Type, x.e.CheckedOnDate, x.e.CheckedBy })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r =>
        {
            var checkedOn = r.CheckedOnDate is { } on ? new CheckedOn(on, r.CheckedBy ?? "") : null;
            return new EnvironmentRow(r.MunicipalityCode, r.NameFi, r.NameSv, r.OrganiserCode, r.Type, checkedOn,
                checkedOn?.IsStaleOn(today, options.Value.StaleAfterMonths) == true);
        }).ToList();
        return new Page<EnvironmentRow>(items, total);
    }
}
