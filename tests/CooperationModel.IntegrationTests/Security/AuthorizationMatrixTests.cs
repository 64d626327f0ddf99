using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Common;
using CooperationModel.Application.Messages.DownloadAttachment;
using CooperationModel.Application.Messages.GetThreads;
using CooperationModel.Application.Referrals.Forwarding;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Protection;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Identity;
using CooperationModel.IntegrationTests.Messages;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CooperationModel.Domain.Organisations.UserRole;

namespace CooperationModel.IntegrationTests.Security;

/// <summary>
/// Every route of the app (<see cref="AuthorizationMatrix"/>), for every role and for nobody signed in, against a record
/// of the caller's own tenant and one of another (another Kela district's referral to another organiser): any answer
/// that allows more than the matrix fails. Coordinators and organisation admins get no client's name, identity code or description anywhere.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class AuthorizationMatrixTests(AppFixture app)
{
    private const string Anonymous = "Anonymous";
    private const string NotFoundMarker = "data-testid=\"not-found\"";

    /// <summary>
    /// One caller per role. All are of the chain the own-tenant records travel (the Southern district, the City of Helsinki
    /// and its partners) or of national coordination; the other-tenant records go from the Northern district to North
    /// Ostrobothnia. A new role needs a line here (a demo user, or one made with <see cref="AppFixture.CreateUserAsync"/>).
    /// </summary>
    private static readonly IReadOnlyDictionary<UserRole, DemoUser> Callers = new Dictionary<UserRole, DemoUser>
    {
        [KelaHandler] = DemoDataSeeder.HandlerSouth,
        [SocialWorker] = DemoDataSeeder.WorkerHelsinki,
        [Coordinator] = DemoDataSeeder.Coordinator,
        [OrganisationAdmin] = DemoDataSeeder.AdminHelsinki,
        [HealthCareProfessional] = DemoDataSeeder.HealthCareHelsinki,
        [OutreachYouthWorker] = DemoDataSeeder.YouthWorkHelsinki,
    };

    private static readonly Guid NorthOstrobothnia = DemoDataSeeder.WorkerNorthOstrobothnia.OrganisationId;

    /// <summary>Where a refused caller is sent. The only place to change when sign-in adds a step (such as a second factor).</summary>
    private static readonly string[] RefusalPaths = ["/account/login", "/account/access-denied"];

    public static TheoryData<string> CallerNames => [Anonymous, .. Enum.GetNames<UserRole>()];

    [Fact]
    public void Matrix_EveryEndpointOfTheApp_HasExactlyOneLine()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var mapped = endpoints
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .SelectMany(e => Keys(e.RoutePattern.RawText!, e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();
        var expected = AuthorizationMatrix.Routes.SelectMany(r => Keys(r.Pattern, r.Methods)).ToList();

        expected.ShouldBeUnique("a route has more than one line in AuthorizationMatrix.Routes");
        mapped.Except(expected).ShouldBeEmpty(
            "the app maps a route that is not in the authorization matrix: add a line for it to AuthorizationMatrix.Routes "
            + "saying who may reach it and, if it names a record, whose own-tenant record it shows");
        expected.Except(mapped).ShouldBeEmpty("AuthorizationMatrix.Routes has a line for a route the app no longer maps: remove it");

        // Static files are left out above: they must stay public files that nobody can write.
        var files = endpoints.Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null).ToList();
        files.ShouldNotBeEmpty();
        files.ShouldAllBe(e => e.Metadata.GetMetadata<IAllowAnonymous>() != null
            && e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.All(m => m == "GET" || m == "HEAD"));
    }

    [Fact]
    public void Matrix_EveryRoutableComponent_HasAPageLine()
    {
        var templates = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>(inherit: false))
            .Select(route => route.Template)
            .ToList();
        var pages = AuthorizationMatrix.Routes.Where(r => r.Kind == RouteKind.Page).Select(r => r.Pattern).ToList();

        templates.Except(pages).ShouldBeEmpty("a component has an @page that is not in the authorization matrix: add a Page line to AuthorizationMatrix.Routes");
        pages.Except(templates).ShouldBeEmpty("AuthorizationMatrix.Routes has a Page line that no component routes: remove it");
    }

    [Fact]
    public void Matrix_EveryRole_HasACaller()
    {
        Enum.GetValues<UserRole>().Except(Callers.Keys).ShouldBeEmpty("a role has no caller: add one to AuthorizationMatrixTests.Callers");
        Callers.ShouldAllBe(c => c.Value.Role == c.Key);
    }

    [Theory]
    [MemberData(nameof(CallerNames))]
    public async Task Routes_Caller_AllowNoMoreThanTheMatrix(string callerName)
    {
        var role = RoleOf(callerName);
        var records = await CreateRecordsAsync();
        var client = await SignInAsync(role);
        var hidden = records.NotVisibleTo(role);
        var failures = new List<string>();

        foreach (var rule in AuthorizationMatrix.Routes)
        {
            foreach (var request in Requests(rule, role, records))
            {
                var caller = rule.EndsSession ? await SignInAsync(role) : client;
                using var response = await caller.SendAsync(new HttpRequestMessage(request.Method, request.Path));
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var text = WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
                var problem = Check(rule, role, request, response, bytes, text);
                var leaked = hidden.Where(r => Holds(text, r)).Select(r => r.ClientName).ToList();
                if (leaked.Count > 0)
                {
                    problem = $"{problem}; holds client data of a record its organisation has no part in ({string.Join(", ", leaked)})".TrimStart(';', ' ');
                }

                if (problem.Length > 0)
                {
                    failures.Add($"{callerName} {request.Method} {request.Path} [{rule}, {request.Tenant}]: {problem}");
                }
            }
        }

        string.Join(Environment.NewLine, failures).ShouldBeEmpty("answers that allow more than AuthorizationMatrix.Routes");
    }

    /// <summary>
    /// Neither the coordinator (aggregates only) nor the organisation admin (users and settings; Act 703/2023: access to
    /// client data follows the work task) gets a client's data from any route, the receiving organisation's referrals
    /// included. The admin's access log names clients only by the keyed hash of their identity code.
    /// </summary>
    [Theory]
    [InlineData(Coordinator)]
    [InlineData(OrganisationAdmin)]
    public async Task NoClientRelationship_EveryGetOfEveryRoute_HoldsNoClientData(UserRole role)
    {
        var records = await CreateRecordsAsync();
        var clientData = await AllClientDataAsync();
        // The scan covers this test's records and the demo clients seeded before it.
        clientData.ShouldContain(records.HealthCare.ClientName);
        clientData.ShouldContain(records.Other.IdentityCode);
        clientData.Except(records.All.SelectMany(DataOf)).ShouldNotBeEmpty("no demo clients to look for");

        var client = await SignInAsync(role);
        var paths = AuthorizationMatrix.Routes
            .SelectMany(rule => NoClientRelationshipGets(rule, records).Select(path => (Rule: rule, Path: path)))
            .ToList();
        var failures = new List<string>();
        foreach (var (rule, path) in paths)
        {
            // Redirects are followed, so the page a refusal leads to is read too.
            var caller = rule.EndsSession ? await SignInAsync(role) : client;
            using var response = await caller.GetFollowingRedirectsAsync(path);
            var text = await response.ReadTextAsync();
            var found = clientData.Where(text.Contains).Concat(records.All.Where(r => Holds(text, r)).Select(r => r.ClientName)).ToList();
            if (found.Count > 0)
            {
                failures.Add($"GET {path} ({(int)response.StatusCode}) holds client data: {string.Join(", ", found.Distinct())}");
            }
        }

        string.Join(Environment.NewLine, failures).ShouldBeEmpty($"{role} has no client relationship");

        // The control: the same scan finds the client on a page of the organisation that received the referral.
        var worker = await SignInAsync(SocialWorker);
        var own = await (await worker.GetFollowingRedirectsAsync($"/referrals/{records.HealthCare.ReferralId}")).ReadTextAsync();
        clientData.Where(own.Contains).ShouldContain(records.HealthCare.ClientName);
    }

    [Theory]
    [InlineData(OrganisationAdmin)]
    [InlineData(KelaHandler)]
    [InlineData(Coordinator)]
    public async Task InboxApi_NotAReceiver_ForbiddenAndNoClientData(UserRole role)
    {
        // The inbox page is the receivers' only; so is its API. The admin of the receiving organisation got its whole inbox.
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);
        var client = await SignInAsync(role);

        var response = await client.GetAsync("/api/inbox?search=" + Uri.EscapeDataString(sent.IdentityCode));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Holds(await response.ReadTextAsync(), sent).ShouldBeFalse();
    }

    /// <summary>
    /// Behind the policy, the use cases that read a client's record refuse a role without clients themselves: the admin of
    /// the very organisation that received the referral gets neither the referral, its threads nor its file.
    /// </summary>
    [Theory]
    [InlineData(OrganisationAdmin)]
    [InlineData(Coordinator)]
    public async Task ClientRecordHandlers_RoleWithoutClients_WrongRole(UserRole role)
    {
        var records = await CreateRecordsAsync();
        await using var scope = await app.AsUserAsync(Callers[role]);

        (await scope.Get<IGetReferralHandler>().HandleAsync(records.HealthCare.ReferralId)).FirstError.Code.ShouldBe(CommonErrors.WrongRole.Code);
        (await scope.Get<IGetReferralHandler>().RereadAsync(records.HealthCare.ReferralId)).FirstError.Code.ShouldBe(CommonErrors.WrongRole.Code);
        (await scope.Get<IGetThreadsHandler>().HandleAsync(records.HealthCare.ReferralId)).FirstError.Code.ShouldBe(CommonErrors.WrongRole.Code);
        (await scope.Get<IDownloadAttachmentHandler>().HandleAsync(records.HealthCare.ReferralId, records.KelaThreadFile)).FirstError.Code
            .ShouldBe(CommonErrors.WrongRole.Code);
        (await scope.Get<IGetCaseHandler>().HandleAsync(records.HealthCare.CaseId)).FirstError.Code.ShouldBe(CommonErrors.WrongRole.Code);
    }

    [Fact]
    public async Task InboxApi_Receiver_ListsTheClient()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);
        var client = await SignInAsync(SocialWorker);

        (await client.InboxIdsAsync("&search=" + Uri.EscapeDataString(sent.IdentityCode))).ShouldBe([sent.ReferralId]);
    }

    /// <summary>
    /// The one place the matrix signs in: a new client with its own cookies, signed in through the real form as the role's
    /// caller, or not signed in at all. When a role must complete a second factor, complete it here, so that the matrix
    /// keeps testing what a fully signed-in user of the role gets.
    /// </summary>
    private async Task<HttpClient> SignInAsync(UserRole? role)
    {
        if (role is not { } signedIn)
        {
            return app.NewClient();
        }

        var caller = Callers[signedIn];
        if (!signedIn.RequiresTwoFactor())
        {
            return await app.SignedInClientAsync(caller);
        }

        // Two-factor sign-in is required: a new user of the caller's organisation and role enrols through the page (the demo
        // user stays as seeded, for the tests that act as them), which leaves the client fully signed in.
        var user = await app.CreateUserAsync(caller.DisplayName, caller.OrganisationId, signedIn, TwoFactorSteps.Password);
        var client = await app.SignedInClientAsync(user.Email!, TwoFactorSteps.Password);
        await client.EnrolAsync();
        return client;
    }

    private static UserRole? RoleOf(string callerName) => callerName == Anonymous ? null : Enum.Parse<UserRole>(callerName);

    private static IEnumerable<string> Keys(string pattern, IEnumerable<string> methods)
    {
        var list = methods.ToList();
        return list.Count == 0 ? [$"* {pattern}"] : list.Select(m => $"{m} {pattern}");
    }

    /// <summary>The requests that try one route as one caller: each method, with the caller's own record and another tenant's.</summary>
    private static IEnumerable<MatrixRequest> Requests(RouteRule rule, UserRole? role, MatrixRecords records)
    {
        var allowed = rule.Reach.Allows(role);
        if (rule.Kind == RouteKind.Framework)
        {
            yield return new(new HttpMethod(rule.ProbeMethod!), rule.ProbePath!, Tenant.None, null, allowed ? Expect.Reached : Expect.Refused);
            yield break;
        }

        foreach (var method in rule.Methods.Select(m => new HttpMethod(m)))
        {
            // A page's POST is a form post: without the form's token it must change nothing, even for a caller who may post.
            var reached = method == HttpMethod.Post && rule.Kind == RouteKind.Page ? Expect.RefusedWithoutFormToken : Expect.Reached;
            if (rule.Record == RecordKind.None)
            {
                yield return new(method, rule.ProbePath ?? rule.Pattern, Tenant.None, null, allowed ? reached : Expect.Refused);
                continue;
            }

            foreach (var tenant in new[] { Tenant.Own, Tenant.Other })
            {
                var (path, record) = records.Target(rule, role, tenant);
                var expect = !allowed ? Expect.Refused
                    : reached != Expect.Reached ? reached
                    : tenant == Tenant.Own && role is { } r && rule.OwnRecordShownTo.Contains(r) ? Expect.Shown
                    : Expect.Hidden;
                yield return new(method, path, tenant, record, expect);
            }
        }
    }

    /// <summary>What is wrong with the answer to one request (empty when it is what the matrix allows, or less).</summary>
    private static string Check(RouteRule rule, UserRole? role, MatrixRequest request, HttpResponseMessage response, byte[] bytes, string text)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { } l ? new Uri(Browser.AppOrigin, l).PathAndQuery : "";
        var got = $"got {status}{(location.Length > 0 ? " to " + location : "")}";
        var refused = IsRefusal(response);
        switch (request.Expect)
        {
            case Expect.Refused:
                var (wantStatus, wantPath) = role is null
                    ? (rule.IsApi ? 401 : 302, "/account/login")
                    : (rule.IsApi ? 403 : 302, "/account/access-denied");
                return status == wantStatus && (wantStatus != 302 || location.StartsWith(wantPath + "?", StringComparison.Ordinal))
                    ? ""
                    : $"expected refusal ({wantStatus}{(wantStatus == 302 ? " to " + wantPath : "")}), {got}";
            case Expect.Reached:
                return !refused && status < 500 ? "" : $"expected to be reached, {got}";
            case Expect.RefusedWithoutFormToken:
                return status == 400 ? "" : $"expected 400 for a form post without its token, {got}";
            case Expect.Shown:
                var shown = rule.Record == RecordKind.Attachment ? bytes.SequenceEqual(MessageSteps.Png) : text.Contains(request.Record!.ClientName);
                return status == 200 && shown ? "" : $"expected the record shown, {got}{(status == 200 ? " without it" : "")}";
            case Expect.Hidden:
                var notFound = rule.Kind == RouteKind.Page
                    ? status == 404 || (status == 200 && text.Contains(NotFoundMarker))
                    : status is 404 or 403;
                return notFound && !Holds(text, request.Record!) ? "" : $"expected not found without the record's client data, {got}";
            default:
                throw new ArgumentOutOfRangeException(nameof(request));
        }
    }

    /// <summary>A refusal as the app answers one: 401 or 403, or a redirect to sign in or to the access-denied page.</summary>
    private static bool IsRefusal(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is null)
        {
            return false;
        }

        var target = new Uri(Browser.AppOrigin, response.Headers.Location);
        return RefusalPaths.Contains(target.AbsolutePath) && target.Query.Contains("ReturnUrl=", StringComparison.Ordinal);
    }

    /// <summary>Every GET a role without clients can send a route: with the records of both tenants, and the inbox searched for them.</summary>
    private static IEnumerable<string> NoClientRelationshipGets(RouteRule rule, MatrixRecords records)
    {
        if (rule.Kind == RouteKind.Framework)
        {
            return rule.ProbeMethod == "GET" ? [rule.ProbePath!] : [];
        }

        if (!rule.Methods.Contains("GET"))
        {
            return [];
        }

        if (rule.Record != RecordKind.None)
        {
            return [records.Target(rule, Coordinator, Tenant.Own).Path, records.Target(rule, Coordinator, Tenant.Other).Path];
        }

        return rule.Pattern == "/api/inbox"
            ? [rule.Pattern, .. records.All.SelectMany(r => new[] { r.IdentityCode, r.ClientName }).Select(s => "/api/inbox?search=" + Uri.EscapeDataString(s))]
            : [rule.ProbePath ?? rule.Pattern];
    }

    /// <summary>Whether a text holds any of a record's client data: the name, the identity code (or its date part) or the description.</summary>
    private static bool Holds(string text, SentReferral record) => DataOf(record).Append(record.IdentityCode[..7]).Any(text.Contains);

    private static IEnumerable<string> DataOf(SentReferral record) =>
        new[] { record.ClientName, record.IdentityCode, record.Description }.OfType<string>();

    /// <summary>
    /// Every client's name, identity code and situation description in the database (short values left out): read as the
    /// owner, past row-level security, and decrypted with the app's keys.
    /// </summary>
    private async Task<IReadOnlyList<string>> AllClientDataAsync()
    {
        var protector = app.Factory.Services.GetRequiredService<PersonalDataProtector>();
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT client_name, identity_code, NULL FROM cases
            UNION ALL
            SELECT client_name, client_identity_code, situation_description FROM referrals
            """,
            connection);
        await using var reader = await query.ExecuteReaderAsync();
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            for (var column = 0; column < 3; column++)
            {
                if (!reader.IsDBNull(column) && protector.Unprotect(reader.GetString(column)) is { Length: >= 8 } value)
                {
                    values.Add(value);
                }
            }
        }

        return [.. values];
    }

    /// <summary>
    /// Two referrals of the Southern district to Helsinki, one forwarded to health care and one to outreach youth work,
    /// and one of the Northern district to North Ostrobothnia; each with a file in a thread of its organisations.
    /// </summary>
    private async Task<MatrixRecords> CreateRecordsAsync()
    {
        var healthCare = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);
        var youth = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);
        var other = await app.SendReferralAsync(DemoDataSeeder.HandlerNorth, "564");

        var loop = new ReferralLoopSteps(app);
        await loop.AcceptAsync(DemoDataSeeder.WorkerHelsinki, healthCare.ReferralId);
        await loop.AcceptAsync(DemoDataSeeder.WorkerHelsinki, youth.ReferralId);
        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            var forwarding = worker.Get<IForwardingCommands>();
            (await forwarding.ForwardAsync(new ForwardReferralCommand(healthCare.ReferralId, ForwardTarget.HealthCare, null))).ShouldSucceed();
            (await forwarding.ForwardAsync(new ForwardReferralCommand(youth.ReferralId, ForwardTarget.OutreachYouthWork, null))).ShouldSucceed();
        }

        var messages = new MessageSteps(app);
        async Task<Guid> FileAsync(DemoUser from, Guid referralId, Guid to)
        {
            var messageId = await messages.PostOkAsync(from, referralId, to, "Liite", new AttachmentUpload("liite.png", MessageSteps.Png));
            return (await messages.MessageAsync(from, referralId, messageId)).Attachments.ShouldHaveSingleItem().Id;
        }

        return new MatrixRecords(
            healthCare,
            youth,
            other,
            KelaThreadFile: await FileAsync(DemoDataSeeder.HandlerSouth, healthCare.ReferralId, MessageSteps.CityOfHelsinki),
            HealthCareThreadFile: await FileAsync(DemoDataSeeder.WorkerHelsinki, healthCare.ReferralId, DemoDataSeeder.HealthCareHelsinki.OrganisationId),
            YouthThreadFile: await FileAsync(DemoDataSeeder.WorkerHelsinki, youth.ReferralId, DemoDataSeeder.YouthWorkHelsinki.OrganisationId),
            OtherFile: await FileAsync(DemoDataSeeder.HandlerNorth, other.ReferralId, NorthOstrobothnia));
    }

    private enum Tenant
    {
        None,
        Own,
        Other,
    }

    private enum Expect
    {
        /// <summary>Authorization turns the caller away: to sign in, to the access-denied page, or 401/403 from the API.</summary>
        Refused,

        /// <summary>Past authorization: the route answers (any status but a refusal or a server error).</summary>
        Reached,

        /// <summary>A form post without the form's antiforgery token: 400, nothing done.</summary>
        RefusedWithoutFormToken,

        /// <summary>The record, with its client data (or the file).</summary>
        Shown,

        /// <summary>Not found (a not-found page, 404 or 403), and none of the record's client data.</summary>
        Hidden,
    }

    private sealed record MatrixRequest(HttpMethod Method, string Path, Tenant Tenant, SentReferral? Record, Expect Expect);

    private sealed partial record MatrixRecords(
        SentReferral HealthCare, SentReferral Youth, SentReferral Other, Guid KelaThreadFile, Guid HealthCareThreadFile, Guid YouthThreadFile, Guid OtherFile)
    {
        public IEnumerable<SentReferral> All => [HealthCare, Youth, Other];

        /// <summary>
        /// The records whose client data the role's organisation has no part in, and so must find in no answer at all.
        /// Kela's district and Helsinki's social services are in both Helsinki chains; each partner in its own. Helsinki's admin
        /// is of the receiving organisation but has no client relationship: like the coordinator, no client's data at all.
        /// </summary>
        public IEnumerable<SentReferral> NotVisibleTo(UserRole? role) => role switch
        {
            KelaHandler or SocialWorker => [Other],
            HealthCareProfessional => [Youth, Other],
            OutreachYouthWorker => [HealthCare, Other],
            _ => All,
        };

        /// <summary>The route's path filled with the caller's own-tenant record (the nearest one for a role that has none) or another tenant's.</summary>
        public (string Path, SentReferral Record) Target(RouteRule rule, UserRole? role, Tenant tenant)
        {
            var referral = tenant == Tenant.Other ? Other : role == OutreachYouthWorker ? Youth : HealthCare;
            Guid[] ids = rule.Record switch
            {
                RecordKind.Case => [referral.CaseId],
                RecordKind.Referral => [referral.ReferralId],
                RecordKind.Attachment => [referral.ReferralId, tenant == Tenant.Other ? OtherFile : role switch
                {
                    HealthCareProfessional => HealthCareThreadFile,
                    OutreachYouthWorker => YouthThreadFile,
                    _ => KelaThreadFile,
                }],
                _ => throw new ArgumentOutOfRangeException(nameof(rule)),
            };

            var next = 0;
            return (RouteParameter().Replace(rule.Pattern, _ => ids[next++].ToString()), referral);
        }

        [GeneratedRegex(@"\{[^}]+\}")]
        private static partial Regex RouteParameter();
    }
}
