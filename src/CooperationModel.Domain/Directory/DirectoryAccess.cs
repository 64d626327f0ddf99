using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Directory;

/// <summary>What a user may do with the partners' directory of contacts; the one rule is <see cref="DirectoryAccessRule"/>.</summary>
public enum DirectoryAccess
{
    /// <summary>Nothing: not signed in (or no role); an entry is not found.</summary>
    None = 0,

    /// <summary>Reads every organisation's entries (every role that works with the partners).</summary>
    Reads = 1,

    /// <summary>An organisation admin of the entry's owner: reads everything, adds, changes, removes and confirms the own organisation's entries.</summary>
    ChangesOwn = 2,
}

/// <summary>
/// Who may read and who may change the directory's contacts: work contacts, no client data. Every signed-in role that
/// works with the partners (Kela handlers, social workers, the partners' workers, admins, coordinators) reads all of
/// it; an organisation admin changes their own organisation's entries and no one else's. The use cases ask this, and the
/// pages show only what it allows.
/// </summary>
public static class DirectoryAccessRule
{
    /// <summary>The access to the entries of <paramref name="ownerOrganisationId"/>.</summary>
    public static DirectoryAccess For(UserRole? role, Guid organisationId, Guid ownerOrganisationId) => role switch
    {
        null => DirectoryAccess.None,
        UserRole.OrganisationAdmin when organisationId != Guid.Empty && organisationId == ownerOrganisationId => DirectoryAccess.ChangesOwn,
        _ => DirectoryAccess.Reads,
    };

    /// <summary>The access to the user's own organisation's entries (the edit page).</summary>
    public static DirectoryAccess ForOwn(UserRole? role, Guid organisationId) => For(role, organisationId, organisationId);

    public static bool Reads(this DirectoryAccess access) => access != DirectoryAccess.None;

    public static bool Changes(this DirectoryAccess access) => access == DirectoryAccess.ChangesOwn;
}
