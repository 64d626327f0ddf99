using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Cases;

/// <summary>
/// The shape every change to a case shares: a Kela handler, the case loaded within the tenant, one domain method,
/// one save. A concurrent change by someone else comes back as a conflict, never as a lost update.
/// </summary>
public sealed class CaseCommands(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public static NotFoundError CaseNotFound => new("Case.NotFound");

    public async Task<Result> RunAsync(Guid caseId, Func<ClientCase, Actor, Result> change, CancellationToken cancellationToken)
    {
        if (user.Role != UserRole.KelaHandler)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var clientCase = await db.Cases
            .Include(c => c.Events)
            .Include(c => c.GuidanceContacts)
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (clientCase is null)
        {
            return CaseNotFound;
        }

        var result = change(clientCase, user.ToActor());
        if (!result.IsSuccess)
        {
            return result;
        }

        var saved = await db.SaveOrConflictAsync(cancellationToken);
        return saved.IsSuccess ? result : saved;
    }
}
