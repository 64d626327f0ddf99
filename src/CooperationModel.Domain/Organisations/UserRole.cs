namespace CooperationModel.Domain.Organisations;

/// <summary>The one role a user has in their organisation.</summary>
public enum UserRole
{
    /// <summary>Etuuskäsittelijä: records cases and sends referrals.</summary>
    KelaHandler = 1,
    /// <summary>Sosiaalityöntekijä: receives and acknowledges referrals.</summary>
    SocialWorker = 2,
    /// <summary>Hankekoordinaattori: aggregates only, never a client.</summary>
    Coordinator = 3,
    /// <summary>Pääkäyttäjä: manages the users of one organisation.</summary>
    OrganisationAdmin = 4,
    /// <summary>Terveydenhuollon ammattilainen: works referrals forwarded to health care.</summary>
    HealthCareProfessional = 5,
    /// <summary>Etsivä nuorisotyöntekijä: works referrals forwarded to outreach youth work.</summary>
    OutreachYouthWorker = 6,
}

public static class UserRoles
{
    /// <summary>The kind of organisation a role belongs in; an admin may be in any.</summary>
    public static bool FitsIn(this UserRole role, OrganisationKind kind) => role switch
    {
        UserRole.KelaHandler => kind == OrganisationKind.KelaDistrict,
        UserRole.SocialWorker => kind == OrganisationKind.SocialServicesOrganiser,
        UserRole.Coordinator => kind == OrganisationKind.NationalCoordination,
        UserRole.OrganisationAdmin => true,
        UserRole.HealthCareProfessional => kind == OrganisationKind.HealthCare,
        UserRole.OutreachYouthWorker => kind == OrganisationKind.OutreachYouthWork,
    };

    /// <summary>The roles that work referrals that reached their organisation: social services and the partners.</summary>
    public static bool Receives(this UserRole role) =>
        role is UserRole.SocialWorker or UserRole.HealthCareProfessional or UserRole.OutreachYouthWorker;

    /// <summary>The role that works the referrals its organisation receives: social services' social worker.</summary>
    public static bool WorksReferrals(this UserRole role) => role is UserRole.SocialWorker;

    /// <summary>The roles that work forwards: the partners' own workers (health care, outreach youth work).</summary>
    public static bool WorksForwards(this UserRole role) => role is UserRole.HealthCareProfessional or UserRole.OutreachYouthWorker;

    /// <summary>
    /// The roles whose work task is a client's matter, and so the only ones that see client data (Act 703/2023: access to a
    /// client's data follows the work task): Kela's handlers and the roles that work referrals. An organisation admin
    /// manages users and settings and a coordinator sees aggregates: neither has a client relationship. The admin's one
    /// duty that names clients is the access log.
    /// </summary>
    public static bool WorksWithClients(this UserRole role) => role is UserRole.KelaHandler || role.Receives();

    /// <summary>
    /// The roles that must sign in with a second factor (an authenticator app): an admin's account can change what the
    /// whole organisation sees, so a stolen password alone must not be enough. Everyone else may turn it on.
    /// </summary>
    public static bool RequiresTwoFactor(this UserRole role) => role is UserRole.OrganisationAdmin;
}
