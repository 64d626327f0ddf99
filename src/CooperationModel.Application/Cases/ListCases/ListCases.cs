using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Cases.ListCases;

/// <summary>The cases of the handler's district, newest first, optionally searched by name or identity code.</summary>
public sealed record ListCasesQuery(string? Search, PageRequest Page);

public sealed record CaseRow(
    Guid Id,
    string ClientName,
    PersonalIdentityCode IdentityCode,
    string HomeMunicipalityCode,
    DateTimeOffset OpenedAt,
    ReferralStatus? LatestReferralStatus);

public interface IListCasesHandler
{
    Task<Page<CaseRow>> HandleAsync(ListCasesQuery query, CancellationToken cancellationToken = default);
}

public sealed class ListCasesHandler(IAppDbContextFactory dbFactory) : IListCasesHandler
{
    public async Task<Page<CaseRow>> HandleAsync(ListCasesQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var cases = db.Cases.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            cases = PersonalIdentityCode.Parse(search).TryGetValue(out var code)
                ? cases.Where(c => c.IdentityCode == code)
                : cases.Where(c => c.ClientName.ToLower().Contains(search.ToLowerInvariant()));
        }

        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases
            .OrderByDescending(c => c.OpenedAt)
            .Skip(query.Page.Skip)
            .Take(query.Page.Take)
            .Select(c => new CaseRow(
                c.Id,
                c.ClientName,
                c.IdentityCode,
                c.HomeMunicipalityCode,
                c.OpenedAt,
                db.Referrals.Where(r => r.CaseId == c.Id).OrderByDescending(r => r.SentAt).Select(r => (ReferralStatus?)r.Status).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        return new Page<CaseRow>(rows, total);
    }
}
