using CooperationModel.Application.AccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Cases.FindClient;

/// <summary>A case the district already has for the client.</summary>
public sealed record KnownCase(Guid Id, string ClientName, DateTimeOffset OpenedAt, CaseStage Stage);

/// <summary>What the district knows of a client by identity code: the names on their cases, and the newest of those cases.</summary>
public sealed record KnownClient(IReadOnlyList<string> Names, IReadOnlyList<KnownCase> Cases);

public interface IFindClientHandler
{
    /// <summary>The client of this identity code in the handler's district, or null when the district has no case for them.</summary>
    Task<KnownClient?> HandleAsync(string identityCode, CancellationToken cancellationToken = default);
}

/// <summary>
/// Opening a new case looks the client up first, by the keyed hash of the identity code, so the handler sees the existing
/// client and their cases before opening another one. Every case shown is a listed use in the access log.
/// </summary>
public sealed class FindClientHandler(IAppDbContextFactory dbFactory, ICurrentUser user, IIdentityCodeHasher identityCodes, IAccessLog accessLog)
    : IFindClientHandler
{
    /// <summary>At most this many of the client's cases are listed, newest first.</summary>
    public const int MaxCases = 10;

    public async Task<KnownClient?> HandleAsync(string identityCode, CancellationToken cancellationToken = default)
    {
        if (!user.WorksWithClients || !PersonalIdentityCode.Parse(identityCode).TryGetValue(out var code))
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking().WithIdentityCode(identityCodes.Hash(code))
            .OrderByDescending(c => c.OpenedAt)
            .Take(MaxCases)
            .Select(c => new { Case = new KnownCase(c.Id, c.ClientName, c.OpenedAt, c.Stage), c.IdentityCode })
            .ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            return null;
        }

        accessLog.Listed(db, AccessRecordType.Case, cases.Select(c => (c.Case.Id, c.IdentityCode)));
        await db.SaveChangesAsync(cancellationToken);
        return new KnownClient(
            cases.Select(c => c.Case.ClientName).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            cases.Select(c => c.Case).ToList());
    }
}
