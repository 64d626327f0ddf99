using System.Security.Claims;
using CooperationModel.Application.Accounts;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperationModel.Infrastructure.Identity;

/// <summary>
/// Sessions by ASP.NET Core Identity's security stamp: ending them is a new stamp; a session is checked by one primary-key
/// read of the account (on every request and every circuit revalidation), so no state is kept per instance.
/// </summary>
public sealed class UserSessions(
    UserManager<AppUser> users,
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider time) : IUserSessions
{
    public async Task EndAllAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return;
        }

        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The security stamp was not changed: {string.Join(", ", result.Errors.Select(e => e.Code))}.");
        }
    }

    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var claims = identityOptions.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users
            .AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd })
            .SingleOrDefaultAsync(cancellationToken);
        return account is not null
            && !string.IsNullOrEmpty(stamp)
            && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal)
            && !(account.LockoutEnabled && account.LockoutEnd > time.GetUtcNow());
    }
}
