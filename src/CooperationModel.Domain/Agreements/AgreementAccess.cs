using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Agreements;

/// <summary>What a user may do with one local agreement; the one rule is <see cref="AgreementAccessRule"/>.</summary>
public enum AgreementAccess
{
    /// <summary>Nothing: the agreement is not found (its existence is not revealed).</summary>
    None = 0,

    /// <summary>A user of one of the two parties (any role but admin): reads it.</summary>
    Party = 1,

    /// <summary>A project coordinator: reads every agreement (how the model is applied locally; no client data).</summary>
    Coordinator = 2,

    /// <summary>An organisation admin of either party: reads, changes and ends it early.</summary>
    PartyAdmin = 3,
}

/// <summary>
/// Who may do what with a local agreement: the staff of both parties (any role) read the agreements that bind their
/// organisation; the admin of either party changes them and ends them early (an agreement binds both, so either side
/// may correct it; who changed it last, and when, is kept, and two changes at once are a conflict); a coordinator reads
/// all of them; anyone else gets "not found". Recording a new one: an admin of a Kela district or of a social services
/// organiser, with a party of the other kind whose area meets theirs (<see cref="AgreementParties"/>). The use cases ask
/// this, and the pages render only what it allows.
/// </summary>
public static class AgreementAccessRule
{
    public static AgreementAccess For(UserRole? role, Guid organisationId, Guid kelaDistrictId, Guid organiserId)
    {
        var party = organisationId != Guid.Empty && (organisationId == kelaDistrictId || organisationId == organiserId);
        return role switch
        {
            null => AgreementAccess.None,
            UserRole.OrganisationAdmin when party => AgreementAccess.PartyAdmin,
            _ when party => AgreementAccess.Party,
            UserRole.Coordinator => AgreementAccess.Coordinator,
            _ => AgreementAccess.None,
        };
    }

    /// <summary>Whether a user of this role in an organisation of this kind records new agreements: the admin of a party kind.</summary>
    public static bool Records(UserRole? role, OrganisationKind kind) =>
        role == UserRole.OrganisationAdmin && kind is OrganisationKind.KelaDistrict or OrganisationKind.SocialServicesOrganiser;

    /// <summary>Whether a user of this role in this organisation sees the ending-soon flag of its agreements (the home page).</summary>
    public static bool IsFlaggedTo(UserRole? role, OrganisationKind kind) => Records(role, kind);

    public static bool Reads(this AgreementAccess access) => access != AgreementAccess.None;

    /// <summary>Changes the agreement's content and validity, and ends it early.</summary>
    public static bool Changes(this AgreementAccess access) => access == AgreementAccess.PartyAdmin;
}
