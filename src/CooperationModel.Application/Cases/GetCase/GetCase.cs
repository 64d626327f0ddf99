using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Cases.GetCase;

public sealed record CaseDetails(
    Guid Id,
    string ClientName,
    PersonalIdentityCode IdentityCode,
    string HomeMunicipalityCode,
    DateTimeOffset OpenedAt,
    IReadOnlyList<CaseReferral> Referrals);

/// <summary>A referral as the sending handler follows it: status and named worker.</summary>
public sealed record CaseReferral(
    Guid Id,
    ReferralGround Ground,
    bool ConsentGiven,
    ReferralStatus Status,
    DateTimeOffset SentAt,
    string SentByName,
    Guid ReceiverOrganisationId,
    string? NamedWorkerName,
    DateTimeOffset? AcceptedAt);

public interface IGetCaseHandler
{
    Task<Result<CaseDetails>> HandleAsync(Guid caseId, CancellationToken cancellationToken = default);
}

public sealed class GetCaseHandler(IAppDbContextFactory dbFactory) : IGetCaseHandler
{
    public static NotFoundError NotFound => new("Case.NotFound");

    public async Task<Result<CaseDetails>> HandleAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var details = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new CaseDetails(
                c.Id,
                c.ClientName,
                c.IdentityCode,
                c.HomeMunicipalityCode,
                c.OpenedAt,
                db.Referrals
                    .Where(r => r.CaseId == c.Id)
                    .OrderByDescending(r => r.SentAt)
                    .Select(r => new CaseReferral(
                        r.Id, r.Ground, r.ConsentGiven, r.Status, r.SentAt, r.SentByName,
                        r.ReceiverOrganisationId, r.NamedWorkerName, r.AcceptedAt))
                    .ToList()))
            .SingleOrDefaultAsync(cancellationToken);

        return details is null ? NotFound : details;
    }
}
