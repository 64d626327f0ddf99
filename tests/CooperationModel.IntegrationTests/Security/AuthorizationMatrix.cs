using CooperationModel.Domain.Organisations;
using static CooperationModel.Domain.Organisations.UserRole;

namespace CooperationModel.IntegrationTests.Security;

/// <summary>
/// The expected authorization of every route of the app: who may reach it and, for a route with a record id,
/// whose own-tenant record it shows. Another tenant's record is shown to nobody, ever: there is no way to say otherwise.
/// <see cref="AuthorizationMatrixTests"/> fails on a route of the app that is missing here, on a line here that is no
/// longer a route, and on every answer that allows more than this table does.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>The roles that work the referrals that reached their organisation (the policy "Receiver").</summary>
    private static readonly UserRole[] Receivers = [SocialWorker, HealthCareProfessional, OutreachYouthWorker];

    /// <summary>
    /// The roles that work with clients (the policy "ClientWork"): Kela's handlers and the receivers. Access to a client's data
    /// follows the work task (Act 703/2023), so an organisation admin, who manages users and settings, and a coordinator,
    /// who sees aggregates, never reach a client's record; the admin's access-log views are the one exception.
    /// </summary>
    private static readonly UserRole[] ClientWorkers = [KelaHandler, .. Receivers];

    public static IReadOnlyList<RouteRule> Routes { get; } =
    [
        // Pages (components with @page): GET renders, POST is a form post and needs the form's antiforgery token.
        //   route                                 who may reach it          record           own-tenant record shown to
        Page("/account/login",                     Reach.Public),
        Page("/account/login-2fa",                 Reach.Public),
        Page("/account/login-recovery",            Reach.Public),
        Page("/not-found",                         Reach.Public),
        Page("/",                                  Reach.SignedIn),
        Page("/account/access-denied",             Reach.SignedIn),
        Page("/account/two-factor",                Reach.SignedIn),
        Page("/notifications",                     Reach.SignedIn),
        Page("/cases",                             Reach.Only(KelaHandler)),
        Page("/cases/new",                         Reach.Only(KelaHandler)),
        Page("/cases/{Id:guid}",                   Reach.Only(KelaHandler),  RecordKind.Case,      KelaHandler),
        Page("/inbox",                             Reach.Only(Receivers)),
        Page("/referrals/{Id:guid}",               Reach.Only(ClientWorkers), RecordKind.Referral, ClientWorkers),
        Page("/settings/deadlines",                Reach.Only(OrganisationAdmin)),
        Page("/admin/access-log",                  Reach.Only(OrganisationAdmin)),
        // The cooperation model: every signed-in user reads it and gives feedback; coordinators triage and draft. No client data.
        Page("/model",                             Reach.SignedIn),
        Page("/cooperation",                       Reach.SignedIn),
        Page("/model/stages/{Stage}",              Reach.SignedIn).ProbedAt("/model/stages/ReferralToSocialWork"),
        Page("/model/feedback/mine",               Reach.SignedIn),
        Page("/model/feedback",                    Reach.Only(Coordinator)),
        Page("/model/draft",                       Reach.Only(Coordinator)),
        // The coordination's national records (pilots, the 2022 analysis): no client data, coordinators only; except that a
        // pilot's page is reached by everyone signed in and shows the pilot to coordinators and to the users of its owner
        // organisations (PilotAccessRule; to anyone else "not found"), and /pilots lists the pilots the user's organisation owns.
        Page("/coordination/pilots",               Reach.Only(Coordinator)),
        Page("/coordination/pilots/timeline",      Reach.Only(Coordinator)),
        Page("/coordination/pilot",                Reach.SignedIn),
        Page("/coordination/swot",                 Reach.Only(Coordinator)),
        Page("/pilots",                            Reach.SignedIn),
        Page("/coordination/swot/rounds",          Reach.Only(Coordinator)),
        Page("/coordination/swot/round",           Reach.Only(Coordinator)).ProbedAt("/coordination/swot/round?code=2022"),
        // The partners' directory of contacts: work contacts, no client data; every signed-in role reads it, each organisation's
        // admin keeps its own entries (DirectoryAccessRule: another organisation's entry is refused in the use case).
        Page("/directory",                         Reach.SignedIn),
        Page("/directory/edit",                    Reach.Only(OrganisationAdmin)),
        // The municipalities' operating environments (partners' directory): work facts, every signed-in user reads them;
        // only the admin of the municipality's social services organiser changes one (OperatingEnvironmentAccessRule, in the use case).
        Page("/directory/environments",            Reach.SignedIn),
        Page("/directory/environments/{MunicipalityCode}", Reach.SignedIn).ProbedAt("/directory/environments/091"),
        // Local agreements (no client data): every signed-in user reaches the list and an agreement's page, which show the
        // agreements that bind the user's organisation (a coordinator: all; AgreementAccessRule; to anyone else "not found");
        // recording a new one is for the admins (of a Kela district or an organiser: the page says so to other admins).
        Page("/agreements",                        Reach.SignedIn),
        Page("/agreements/new",                    Reach.Only(OrganisationAdmin)),
        Page("/agreements/{Id:guid}",              Reach.SignedIn).ProbedAt("/agreements/0195e000-0000-7000-8000-000000000000"),
        // The joint meetings: no client data; every signed-in user reaches the pages, which show a meeting to the users of its
        // participating organisations and to coordinators (MeetingAccessRule; to anyone else "not found", as an unknown id).
        Page("/meetings",                          Reach.SignedIn),
        Page("/meetings/{Id:guid}",                Reach.SignedIn).ProbedAt("/meetings/0193a0c4-0000-7000-8000-000000000001"),
        Page("/meetings/{Id:guid}/minutes",        Reach.SignedIn).ProbedAt("/meetings/0193a0c4-0000-7000-8000-000000000001/minutes"),

        // Endpoints: the JSON API, file downloads and the account's own endpoints.
        Get("/api/inbox",                          Reach.Only(Receivers)),
        Get("/api/referrals/{id:guid}",            Reach.Only(ClientWorkers), RecordKind.Referral, ClientWorkers),
        Get("/referrals/{referralId:guid}/attachments/{attachmentId:guid}",
                                                   Reach.Only(ClientWorkers), RecordKind.Attachment, ClientWorkers),
        Get("/admin/access-log/export",            Reach.Only(OrganisationAdmin)),
        Get("/admin/access-log/report",            Reach.Only(OrganisationAdmin)),
        Get("/coordination/swot/export",           Reach.Only(Coordinator)).ProbedAt("/coordination/swot/export?round=2022&format=csv"),
        Get("/culture/set",                        Reach.Public),
        Get("/account/idle-logout",                Reach.Public).EndingSession(),
        Post("/account/logout",                    Reach.SignedIn).EndingSession(),
        Post("/account/keep-alive",                Reach.SignedIn),

        // The framework's own endpoints (the circuit, enhanced navigation, the development file fallback): signed in only,
        // by the fallback policy. Each is tried with a request it understands (or refuses harmlessly).
        //   route                                 tried with                                   mapped for (none: any)
        Framework("/_blazor",                      "GET",  "/_blazor"),
        Framework("/_blazor/negotiate",            "POST", "/_blazor/negotiate?negotiateVersion=1"),
        Framework("/_blazor/disconnect/",          "POST", "/_blazor/disconnect/"),
        Framework("/_blazor/initializers/",        "GET",  "/_blazor/initializers/"),
        Framework("/_framework/opaque-redirect",   "GET",  "/_framework/opaque-redirect",      "GET"),
        Framework("{**path:file}",                 "GET",  "/no-such-file.txt",                "GET", "HEAD"),

        // Static files (MapStaticAssets) are public and read-only: the tests check that of all of them, with no line each.
    ];

    private static RouteRule Page(string pattern, Reach reach, RecordKind record = RecordKind.None, params UserRole[] ownShownTo) =>
        new(RouteKind.Page, pattern, ["GET", "POST"], reach, record, ownShownTo.ToHashSet());

    private static RouteRule Get(string pattern, Reach reach, RecordKind record = RecordKind.None, params UserRole[] ownShownTo) =>
        new(RouteKind.Endpoint, pattern, ["GET"], reach, record, ownShownTo.ToHashSet());

    private static RouteRule Post(string pattern, Reach reach) => new(RouteKind.Endpoint, pattern, ["POST"], reach, RecordKind.None, new HashSet<UserRole>());

    /// <summary>A framework endpoint, mapped for the given methods (none: any); the tests send it the one probe request.</summary>
    private static RouteRule Framework(string pattern, string probeMethod, string probePath, params string[] methods) =>
        new(RouteKind.Framework, pattern, methods, Reach.SignedIn, RecordKind.None, new HashSet<UserRole>()) { ProbeMethod = probeMethod, ProbePath = probePath };
}

public enum RouteKind
{
    Page,
    Endpoint,
    Framework,
}

/// <summary>The kind of record a route's id names; the tests fill it with one of the caller's own tenant and one of another.</summary>
public enum RecordKind
{
    None,
    Case,
    Referral,
    Attachment,
}

/// <summary>Who may reach a route: anyone (signed in or not), anyone signed in, or only some roles.</summary>
public sealed record Reach(bool Anonymous, IReadOnlySet<UserRole> Roles)
{
    public static Reach Public { get; } = new(true, Enum.GetValues<UserRole>().ToHashSet());

    public static Reach SignedIn { get; } = new(false, Enum.GetValues<UserRole>().ToHashSet());

    public static Reach Only(params UserRole[] roles) => new(false, roles.ToHashSet());

    /// <summary>Whether a caller of the role (null: not signed in) gets past authorization.</summary>
    public bool Allows(UserRole? role) => role is { } signedIn ? Roles.Contains(signedIn) : Anonymous;

    public override string ToString() =>
        Anonymous ? "public" : Roles.Count == Enum.GetValues<UserRole>().Length ? "signed in" : string.Join(", ", Roles.Order());
}

/// <summary>One route and what each caller may get from it.</summary>
/// <param name="Kind">A page, an endpoint of the app's own, or one of the framework's.</param>
/// <param name="Pattern">The route pattern exactly as the app maps it.</param>
/// <param name="Reach">Who gets past authorization.</param>
/// <param name="Record">The kind of record the route's id names, if any.</param>
/// <param name="Methods">The HTTP methods it is mapped for; empty for a framework endpoint that takes any.</param>
/// <param name="OwnRecordShownTo">The roles to whom the route shows a record of their own organisation; others get not-found.</param>
public sealed record RouteRule(
    RouteKind Kind, string Pattern, IReadOnlyList<string> Methods, Reach Reach, RecordKind Record, IReadOnlySet<UserRole> OwnRecordShownTo)
{
    /// <summary>Ends the caller's session (sign-out): the tests call it with a client of its own.</summary>
    public bool EndsSession { get; init; }

    public string? ProbeMethod { get; init; }

    public string? ProbePath { get; init; }

    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

    public RouteRule EndingSession() => this with { EndsSession = true };

    /// <summary>A route with a parameter that is no record id: the tests try it at this path (the pattern filled in).</summary>
    public RouteRule ProbedAt(string path) => this with { ProbePath = path };

    public override string ToString() => $"{(Methods.Count == 0 ? "*" : string.Join(",", Methods))} {Pattern}";
}
