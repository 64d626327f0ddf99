namespace CooperationModel.Domain.Directory;

/// <summary>
/// Toimintaympäristötyyppi / funktionsomgivning: how physically reachable the services are in a municipality. The four
/// types and what each means come from the cooperation model's material ("Toimintaympäristötyypit – Miten palvelut ovat
/// fyysisesti saavutettavissa?", the model authors' slides of 2022); the user interface shows each type's meaning as
/// <c>EnvironmentType.{type}.Meaning</c> in Finnish, Swedish and English. <see cref="NotAssessed"/> is where every
/// municipality starts until its social services organiser assesses it.
/// </summary>
public enum OperatingEnvironmentType
{
    /// <summary>Ei arvioitu / inte bedömd: nobody has assessed the municipality yet.</summary>
    NotAssessed = 0,

    /// <summary>
    /// Laajat palvelut / omfattande tjänster: a Kela office open on weekdays with a wide range of services; the social
    /// office has advice and guidance, support and a computer for e-services, appointments, walk-in hours and a social
    /// emergency service in office hours.
    /// </summary>
    Wide = 1,

    /// <summary>
    /// Rajatut palvelut / begränsade tjänster: a Kela office with limited opening hours but fairly wide services; the
    /// social office has limited advice, a computer for self-service, appointments, and a social emergency service for
    /// part of office hours.
    /// </summary>
    Limited = 2,

    /// <summary>
    /// Suppeat palvelut / föga tjänster: no Kela office but a Kela service point with a remote connection, public
    /// computers, the social office by appointment, the social emergency service centrally by phone.
    /// </summary>
    Narrow = 3,

    /// <summary>
    /// Erittäin suppeat palvelut / ytterst föga tjänster: neither a Kela office nor a service point (service by phone,
    /// online or at the nearest service point), public computers, a limited social office by appointment, the social
    /// emergency service centrally by phone.
    /// </summary>
    VeryNarrow = 4,
}

/// <summary>How the social office receives clients (the fact the handler tells the client).</summary>
public enum SocialOfficeReception
{
    /// <summary>Ajanvaraukseton vastaanotto / mottagning utan tidsbokning: walk-in hours (besides appointments).</summary>
    WalkInHours = 1,

    /// <summary>Vain ajanvarauksella / endast med tidsbokning.</summary>
    ByAppointmentOnly = 2,
}

/// <summary>Where the social emergency service (sosiaalipäivystys / socialjour) is.</summary>
public enum SocialEmergencyService
{
    /// <summary>Paikan päällä / på plats: in the municipality.</summary>
    OnSite = 1,

    /// <summary>Keskitetysti puhelimitse / centraliserat per telefon.</summary>
    ByPhone = 2,
}

public static class OperatingEnvironmentTypes
{
    /// <summary>The four assessed types, widest first (the order of the model's material).</summary>
    public static IReadOnlyList<OperatingEnvironmentType> Assessed { get; } =
        [OperatingEnvironmentType.Wide, OperatingEnvironmentType.Limited, OperatingEnvironmentType.Narrow, OperatingEnvironmentType.VeryNarrow];

    public static IReadOnlyList<OperatingEnvironmentType> All { get; } = [OperatingEnvironmentType.NotAssessed, .. Assessed];

    public static bool IsAssessed(this OperatingEnvironmentType type) => type != OperatingEnvironmentType.NotAssessed;

    /// <summary>
    /// The facts the model's material describes for the type: what an organiser starts from when assessing a
    /// municipality of that type (it then corrects what differs). None for <see cref="OperatingEnvironmentType.NotAssessed"/>.
    /// </summary>
    public static OperatingEnvironmentFacts? TypicalFacts(OperatingEnvironmentType type) => type switch
    {
        OperatingEnvironmentType.Wide => new(true, null, false, true, SocialOfficeReception.WalkInHours, null, SocialEmergencyService.OnSite),
        OperatingEnvironmentType.Limited => new(true, null, false, true, SocialOfficeReception.ByAppointmentOnly, null, SocialEmergencyService.OnSite),
        OperatingEnvironmentType.Narrow => new(false, null, true, true, SocialOfficeReception.ByAppointmentOnly, null, SocialEmergencyService.ByPhone),
        OperatingEnvironmentType.VeryNarrow => new(false, null, false, true, SocialOfficeReception.ByAppointmentOnly, null, SocialEmergencyService.ByPhone),
        _ => null,
    };
}
