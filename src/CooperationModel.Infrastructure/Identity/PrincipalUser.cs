using System.Security.Claims;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Infrastructure.Identity;

/// <summary>
/// The current user read from a claims principal. Scoped: one per request, and one per Blazor circuit,
/// where it is set when the circuit opens and whenever the authentication state changes.
/// </summary>
public sealed class PrincipalUser : ICurrentUser
{
    public bool IsAuthenticated { get; private set; }

    public Guid UserId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public OrganisationKind OrganisationKind { get; private set; }

    public UserRole? Role { get; private set; }

    public string DisplayName { get; private set; } = "";

    public void Set(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(AppClaimTypes.OrganisationId), out var organisationId))
        {
            Clear();
            return;
        }

        IsAuthenticated = true;
        UserId = userId;
        OrganisationId = organisationId;
        OrganisationKind = Enum.TryParse<OrganisationKind>(principal.FindFirstValue(AppClaimTypes.OrganisationKind), out var kind) ? kind : default;
        Role = Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
        DisplayName = principal.FindFirstValue(AppClaimTypes.DisplayName) ?? "";
    }

    private void Clear()
    {
        IsAuthenticated = false;
        UserId = Guid.Empty;
        OrganisationId = Guid.Empty;
        OrganisationKind = default;
        Role = null;
        DisplayName = "";
    }
}

/// <summary>A fixed user, for start-up seeding and tests that act as one person.</summary>
public sealed record FixedUser(Guid UserId, Guid OrganisationId, OrganisationKind OrganisationKind, UserRole? Role, string DisplayName) : ICurrentUser
{
    /// <summary>Nobody: sees no tenant's data.</summary>
    public static FixedUser Anonymous { get; } = new(Guid.Empty, Guid.Empty, default, null, "");

    /// <summary>The system itself (a background job) acting within one organisation: sees that organisation's data only.</summary>
    public static FixedUser System(Guid organisationId) => new(Guid.Empty, organisationId, default, null, "system");

    public bool IsAuthenticated => UserId != Guid.Empty;
}
