using System.Security.Claims;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperationModel.Infrastructure.Identity;

/// <summary>Puts the user's organisation, its kind, role, display name and whether two-factor sign-in is on into the sign-in cookie.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<AppDbContext> dbFactory)
    : UserClaimsPrincipalFactory<AppUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var kind = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Kind).SingleAsync();

        identity.AddClaim(new Claim(AppClaimTypes.OrganisationId, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(AppClaimTypes.OrganisationKind, kind.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(AppClaimTypes.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
