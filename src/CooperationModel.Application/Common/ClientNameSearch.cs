using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Common;

/// <summary>
/// A search by part of a client's name, in any case. Beside each name the database keeps it folded to lower case (a
/// generated column, never written by the app), with a trigram index that starts with the tenant. Under row-level
/// security PostgreSQL may not use that index for <c>LIKE '%…%'</c> (LIKE is not leakproof, so it runs only after the
/// policy, row by row), so the search goes through two functions of the database that read the index and apply the
/// tenant themselves (<see cref="IAppDbContext.CaseIdsNamed"/>, migration NameSearch).
/// </summary>
public static class ClientNameSearch
{
    /// <summary>The shadow property of the folded name, on cases and on referrals.</summary>
    public const string FoldedProperty = "ClientNameFolded";

    /// <summary>The SQL that folds a name; the same function the search applies to what the user typed.</summary>
    public const string FoldSql = "lower(client_name)";

    public static IQueryable<ClientCase> WithClientNameContaining(this IQueryable<ClientCase> cases, IAppDbContext db, string part)
    {
        var named = db.CaseIdsNamed(part.ToLowerInvariant());
        return cases.Where(c => named.Contains(c.Id));
    }

    /// <summary>Among the referrals the organisation received (the inbox of social services).</summary>
    public static IQueryable<Referral> WithClientNameContaining(this IQueryable<Referral> referrals, IAppDbContext db, string part)
    {
        var named = db.ReceivedReferralIdsNamed(part.ToLowerInvariant());
        return referrals.Where(r => named.Contains(r.Id));
    }

    /// <summary>Row by row, without the index: for a small set (the referrals forwarded to a partner).</summary>
    public static IQueryable<Referral> FilterByClientName(this IQueryable<Referral> referrals, string part)
    {
        var folded = part.ToLowerInvariant();
        return referrals.Where(r => EF.Property<string>(r, FoldedProperty).Contains(folded));
    }
}
