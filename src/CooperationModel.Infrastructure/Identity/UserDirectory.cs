using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Infrastructure.Identity;

public sealed class UserDirectory(IDbContextFactory<AppDbContext> dbFactory) : IUserDirectory
{
    public async Task<WorkerContact?> ContactOfAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users
            .Where(u => u.Id == userId)
            .Select(u => new WorkerContact(u.DisplayName, u.Email, u.PhoneNumber))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Actor>> MembersAsync(Guid organisationId, UserRole role, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users
            .Where(u => u.OrganisationId == organisationId && u.Role == role)
            .OrderBy(u => u.DisplayName)
            .Select(u => new Actor(u.Id, u.OrganisationId, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
