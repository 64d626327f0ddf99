using CooperationModel.Domain.Organisations;
using Microsoft.AspNetCore.Identity;

namespace CooperationModel.Infrastructure.Identity;

/// <summary>A user account: belongs to one organisation and has one role there.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid OrganisationId { get; set; }

    public UserRole Role { get; set; }

    /// <summary>The name shown to colleagues and partners, e.g. as the named worker.</summary>
    public string DisplayName { get; set; } = "";
}

/// <summary>The claim types the app adds to a signed-in user's principal.</summary>
public static class AppClaimTypes
{
    public const string OrganisationId = "cm:org";
    public const string OrganisationKind = "cm:org_kind";
    public const string DisplayName = "cm:name";

    /// <summary>
    /// "true" when the user had two-factor sign-in on when the cookie was issued (sign-in, a refresh after a change on the
    /// two-factor page, or the security stamp check); the enrolment requirement for admins reads it.
    /// </summary>
    public const string TwoFactorEnabled = "cm:2fa";
}
