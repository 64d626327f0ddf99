using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Common;

/// <summary>
/// A search by part of a client's name, in any case. Beside each name the database keeps it folded to lower case (a
/// generated column, never written by the app), with a trigram index that starts with the tenant, so that
/// <c>LIKE '%…%'</c> is an index scan of the organisation's names and not a read of all of its rows.
/// </summary>
public static class ClientNameSearch
{
    /// <summary>The shadow property of the folded name, on cases and on referrals.</summary>
    public const string FoldedProperty = "ClientNameFolded";

    /// <summary>The SQL that folds a name; the same function the search applies to what the user typed.</summary>
    public const string FoldSql = "lower(client_name)";

    public static IQueryable<ClientCase> WithClientNameContaining(this IQueryable<ClientCase> cases, string part)
    {
        var folded = part.ToLowerInvariant();
        return cases.Where(c => EF.Property<string>(c, FoldedProperty).Contains(folded));
    }

    public static IQueryable<Referral> WithClientNameContaining(this IQueryable<Referral> referrals, string part)
    {
        var folded = part.ToLowerInvariant();
        return referrals.Where(r => EF.Property<string>(r, FoldedProperty).Contains(folded));
    }
}
