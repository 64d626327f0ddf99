using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Common;

/// <summary>
/// Identity codes are stored encrypted, so the database cannot compare them. Beside each one it keeps a keyed hash
/// (HMAC with a secret from outside the database): equal codes have equal hashes, and a dump alone reveals nothing.
/// </summary>
public interface IIdentityCodeHasher
{
    /// <summary>The keyed hash of a code: the lookup key of its client in the tables and in the access log.</summary>
    string Hash(PersonalIdentityCode code);
}

/// <summary>Exact lookups by identity code, through the keyed hash the app keeps beside each encrypted code.</summary>
public static class IdentityCodeLookup
{
    /// <summary>The shadow property that holds the hash, on cases and on referrals.</summary>
    public const string HashProperty = "IdentityCodeHash";

    public static IQueryable<ClientCase> WithIdentityCode(this IQueryable<ClientCase> cases, string hash) =>
        cases.Where(c => EF.Property<string>(c, HashProperty) == hash);

    public static IQueryable<Referral> WithIdentityCode(this IQueryable<Referral> referrals, string hash) =>
        referrals.Where(r => EF.Property<string>(r, HashProperty) == hash);
}
