using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Directory;

/// <summary>What a user may do with one municipality's operating environment; the one rule is <see cref="OperatingEnvironmentAccessRule"/>.</summary>
public enum OperatingEnvironmentAccess
{
    /// <summary>Nothing: not signed in (the environment is not found).</summary>
    None = 0,

    /// <summary>Anyone signed in (any role, any organisation): reads it.</summary>
    Reader = 1,

    /// <summary>The admin of the municipality's social services organiser: reads it, changes it and confirms it unchanged.</summary>
    OrganiserAdmin = 2,
}

/// <summary>
/// Who may do what with a municipality's operating environment: everyone signed in reads it; only an organisation admin
/// of the social services organiser whose municipality it is (the catalog maps the municipality to its organiser)
/// changes it or confirms it. A Kela district's admin, another organiser's admin and every other role read only. The
/// use cases ask this and the pages render only what it allows.
/// </summary>
public static class OperatingEnvironmentAccessRule
{
    public static OperatingEnvironmentAccess For(UserRole? role, OrganisationKind kind, Guid organisationId, string organiserCode) =>
        role switch
        {
            null => OperatingEnvironmentAccess.None,
            UserRole.OrganisationAdmin when kind == OrganisationKind.SocialServicesOrganiser
                && organisationId != Guid.Empty
                && organisationId == Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, organiserCode) => OperatingEnvironmentAccess.OrganiserAdmin,
            _ => OperatingEnvironmentAccess.Reader,
        };

    public static bool Reads(this OperatingEnvironmentAccess access) => access != OperatingEnvironmentAccess.None;

    /// <summary>Changes the type and facts, or confirms them unchanged.</summary>
    public static bool Changes(this OperatingEnvironmentAccess access) => access == OperatingEnvironmentAccess.OrganiserAdmin;

    /// <summary>
    /// The organiser whose environments the user changes, or null: the page of the overview offers "my municipalities"
    /// from this, never from a restated role check.
    /// </summary>
    public static string? OrganiserChangedBy(UserRole? role, OrganisationKind kind, Guid organisationId, IEnumerable<string> organiserCodes) =>
        organiserCodes.FirstOrDefault(code => For(role, kind, organisationId, code).Changes());
}
