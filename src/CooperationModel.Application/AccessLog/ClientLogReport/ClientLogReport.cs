using CooperationModel.Application.AccessLog.SearchAccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.AccessLog.ClientLogReport;

/// <summary>
/// The report a client has a right to (Act 703/2023, 11 §): who used or received their data in the organisation and
/// on what basis over the last <see cref="ClientLogReportHandler.Years"/> years.
/// </summary>
public sealed record ClientLogReport(
    OrganisationName Organisation,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ClientDataUse> Uses,
    IReadOnlyList<ClientDataDisclosure> Disclosures);

/// <summary>One use of the client's data: who, in which organisation and role, what and on what basis.</summary>
public sealed record ClientDataUse(
    DateTimeOffset At,
    string UserName,
    UserRole? Role,
    OrganisationName Organisation,
    AccessAction Action,
    AccessRecordType RecordType,
    string? Section,
    AccessPurpose Purpose);

/// <summary>Client data that went to another organisation: to whom, what and on what legal basis.</summary>
public sealed record ClientDataDisclosure(DateTimeOffset At, OrganisationName From, OrganisationName To, DisclosedData What, LegalBasis Basis);

public interface IClientLogReportHandler
{
    /// <summary>The report of the client whose identity code hashes to <paramref name="clientKey"/>. Logged as a print.</summary>
    Task<Result<ClientLogReport>> HandleAsync(string clientKey, CancellationToken cancellationToken = default);
}

/// <summary>
/// Builds the client's log report from the organisation's own use log (entries with the client's key) and the
/// disclosures of the client's referrals that the organisation made or received. Organisation admins only.
/// </summary>
public sealed class ClientLogReportHandler(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IAccessLog accessLog)
    : IClientLogReportHandler
{
    public const int Years = 2;

    public static ValidationError ClientRequired => new("AccessLog.ClientRequired");

    public async Task<Result<ClientLogReport>> HandleAsync(string clientKey, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || user.Role != UserRole.OrganisationAdmin)
        {
            return AccessLogSearchHandler.Forbidden;
        }

        if (string.IsNullOrWhiteSpace(clientKey))
        {
            return ClientRequired;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var since = now.AddYears(-Years);
        var organisation = user.OrganisationId;

        var uses = await db.AccessLog.AsNoTracking()
            .Where(e => e.OrganisationId == organisation && e.ClientKey == clientKey && e.At >= since && e.Result == AccessResult.Allowed)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.At, e.UserName, e.Role, e.OrganisationId, e.Action, e.RecordType, e.Section, e.Purpose })
            .ToListAsync(cancellationToken);

        // The client's referrals this organisation sees (sent, received or forwarded to it), and what of them crossed.
        var referrals = db.Referrals.AsNoTracking().WithIdentityCode(clientKey).Select(r => r.Id);
        var disclosures = await db.Disclosures.AsNoTracking()
            .Where(d => referrals.Contains(d.ReferralId) && d.At >= since)
            .OrderBy(d => d.At)
            .Select(d => new { d.At, d.FromOrganisationId, d.ToOrganisationId, d.What, d.Basis })
            .ToListAsync(cancellationToken);

        var names = await db.OrganisationNamesAsync(
            uses.Select(u => u.OrganisationId)
                .Concat(disclosures.SelectMany(d => new[] { d.FromOrganisationId, d.ToOrganisationId }))
                .Append(organisation)
                .ToHashSet(),
            cancellationToken);
        OrganisationName NameOf(Guid id) => names.GetValueOrDefault(id) ?? new OrganisationName(id, default, "", "", "");

        accessLog.Add(db, AccessRecordType.AccessLog, null, clientKey, AccessAction.Print, AccessPurpose.WorkTask, detail: AccessLogDetails.ClientReport);
        await db.SaveChangesAsync(cancellationToken);

        return new ClientLogReport(
            NameOf(organisation),
            since,
            now,
            uses.Select(u => new ClientDataUse(u.At, u.UserName, u.Role, NameOf(u.OrganisationId), u.Action, u.RecordType, u.Section, u.Purpose)).ToList(),
            disclosures.Select(d => new ClientDataDisclosure(d.At, NameOf(d.FromOrganisationId), NameOf(d.ToOrganisationId), d.What, d.Basis)).ToList());
    }
}
