using System.Net;
using CooperationModel.Application.AccessLog.ClientLogReport;
using CooperationModel.Application.AccessLog.SearchAccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.AcceptReferral;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Identity;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.AccessLog;

/// <summary>The use log (Act 703/2023): what writes it, and the admin's search, export and client report.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessLogTests(AppFixture app)
{
    [Fact]
    public async Task GetReferral_ReceivingWorker_WritesExactlyOneViewEntry()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            (await worker.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).IsSuccess.ShouldBeTrue();
        }

        var entries = await EntriesAsync(e => e.RecordId == sent.ReferralId && e.OrganisationId == DemoDataSeeder.WorkerHelsinki.OrganisationId);

        var entry = entries.ShouldHaveSingleItem();
        entry.Action.ShouldBe(AccessAction.View);
        entry.Result.ShouldBe(AccessResult.Allowed);
        entry.RecordType.ShouldBe(AccessRecordType.Referral);
        entry.UserName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
        entry.Role.ShouldBe(UserRole.SocialWorker);
        entry.ClientKey.ShouldBe(await HashAsync(sent.IdentityCode));
        entry.Purpose.ShouldBe(AccessPurpose.ClientRelationship);
    }

    [Fact]
    public async Task ReferralApi_ReceivingWorker_WritesExactlyOneViewEntry()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        (await client.GetAsync($"/api/referrals/{sent.ReferralId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entry = (await EntriesAsync(e => e.RecordId == sent.ReferralId && e.OrganisationId == DemoDataSeeder.WorkerHelsinki.OrganisationId))
            .ShouldHaveSingleItem();
        entry.Action.ShouldBe(AccessAction.View);
        entry.UserName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
        entry.ClientKey.ShouldBe(await HashAsync(sent.IdentityCode));
    }

    [Fact]
    public async Task GetReferral_OtherOrganisation_WritesDeniedEntryInItsOwnLog()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using (var other = await app.AsUserAsync(DemoDataSeeder.WorkerNorthOstrobothnia))
        {
            (await other.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).IsSuccess.ShouldBeFalse();
        }

        var entry = (await EntriesAsync(e => e.RecordId == sent.ReferralId && e.OrganisationId == DemoDataSeeder.WorkerNorthOstrobothnia.OrganisationId))
            .ShouldHaveSingleItem();
        entry.Result.ShouldBe(AccessResult.Denied);
        entry.ClientKey.ShouldBeNull();
        entry.UserName.ShouldBe(DemoDataSeeder.WorkerNorthOstrobothnia.DisplayName);
    }

    [Fact]
    public async Task ListInbox_Page_WritesOneListEntryPerClientShown()
    {
        await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        Page<InboxRow> page;
        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            page = (await worker.Get<IListInboxHandler>().HandleAsync(new ListInboxQuery(null, null, new PageRequest(1, 3)))).Value;
        }

        page.Items.Count.ShouldBe(3);
        var ids = page.Items.Select(r => r.Id).ToList();
        var entries = await EntriesAsync(e => e.Action == AccessAction.List && e.At >= before && ids.Contains(e.RecordId!.Value)
            && e.OrganisationId == DemoDataSeeder.WorkerHelsinki.OrganisationId);
        entries.Count.ShouldBe(3);
        entries.Select(e => e.RecordId!.Value).ShouldBe(ids, ignoreOrder: true);
        var keys = new List<string>();
        foreach (var row in page.Items)
        {
            keys.Add(await HashAsync(row.ClientIdentityCode.Value));
        }

        entries.Select(e => e.ClientKey!).ShouldBe(keys, ignoreOrder: true);
    }

    [Fact]
    public async Task ListInbox_ShownAgainAfterAChange_LogsOnlyTheRowsItBringsIn()
    {
        await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var inbox = worker.Get<IListInboxHandler>();
        var first = (await inbox.HandleAsync(new ListInboxQuery(null, null, new PageRequest(1, 3)))).Value;

        // A new referral arrives; the open inbox reloads its page, newest first.
        var arrived = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var lastBefore = (await EntriesAsync(e => e.OrganisationId == DemoDataSeeder.WorkerHelsinki.OrganisationId)).Max(e => e.Id);
        var again = (await inbox.HandleAsync(new ListInboxQuery(null, null, new PageRequest(1, 3))
        {
            AlreadyShown = first.Items.Select(r => r.Id).ToHashSet(),
        })).Value;

        again.Items.ShouldContain(r => r.Id == arrived.ReferralId);
        var ids = again.Items.Select(r => r.Id).ToList();
        var entries = await EntriesAsync(e => e.Action == AccessAction.List && e.Id > lastBefore && ids.Contains(e.RecordId!.Value)
            && e.OrganisationId == DemoDataSeeder.WorkerHelsinki.OrganisationId);
        entries.ShouldHaveSingleItem().RecordId.ShouldBe(arrived.ReferralId);
    }

    /// <summary>The end of 9999-12-31 and the start of 0001-01-01 in Finnish time are outside what a date can hold: a 500.</summary>
    [Theory]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=1999-12-31", "from")]
    public async Task Export_DayOutOfRange_LocalisedValidationProblem(string query, string field)
    {
        var client = await EnrolledAdminClientAsync();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/admin/access-log/export?{query}") { Headers = { { "Accept-Language", "sv" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("title").GetString().ShouldBe("Begäran är ogiltig.");
        json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString().ShouldStartWith("Dagen måste vara", Case.Sensitive, json.RootElement.ToString());
    }

    [Fact]
    public async Task ExportAndReport_ClientNotAClientKey_BadRequestAndNothingLogged()
    {
        var client = await EnrolledAdminClientAsync();

        var export = await client.GetAsync($"/admin/access-log/export?client={new string('A', 60)}");
        var report = await client.GetAsync("/admin/access-log/report?client=not-a-key&lang=fi");

        export.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        report.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await report.ReadTextAsync()).ShouldContain("\"client\"");
    }

    [Fact]
    public async Task AcceptReferral_WritesChangeEntry()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            (await worker.Get<IAcceptReferralHandler>().HandleAsync(sent.ReferralId)).IsSuccess.ShouldBeTrue();
        }

        var entries = await EntriesAsync(e => e.RecordId == sent.ReferralId && e.Action == AccessAction.Change
            && e.OrganisationId == DemoDataSeeder.WorkerHelsinki.OrganisationId);
        var entry = entries.ShouldHaveSingleItem();
        entry.ClientKey.ShouldBe(await HashAsync(sent.IdentityCode));
        entry.UserName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
    }

    [Fact]
    public async Task SendReferral_WritesCreateEntriesForCaseAndReferral()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");

        var entries = await EntriesAsync(e => (e.RecordId == sent.ReferralId || e.RecordId == sent.CaseId) && e.Action == AccessAction.Create);
        entries.Select(e => e.RecordType).ShouldBe([AccessRecordType.Case, AccessRecordType.Referral], ignoreOrder: true);
        entries.ShouldAllBe(e => e.OrganisationId == DemoDataSeeder.HandlerSouth.OrganisationId);
    }

    [Fact]
    public async Task Search_ByClientAndByUser_FindsTheEntriesAndIsLogged()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            await worker.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId);
        }

        var key = await HashAsync(sent.IdentityCode);
        await using var admin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);
        var search = admin.Get<IAccessLogSearchHandler>();

        var byClient = (await search.SearchAsync(new AccessLogSearch(key, null, null, null), new PageRequest())).Value;
        byClient.Items.ShouldContain(r => r.RecordId == sent.ReferralId && r.Action == AccessAction.View && r.UserName == DemoDataSeeder.WorkerHelsinki.DisplayName);
        byClient.Items.ShouldAllBe(r => r.RecordId == sent.ReferralId || r.RecordType == AccessRecordType.AccessLog);

        var workerId = admin.Get<IUserDirectory>() is { } users
            ? (await users.MembersAsync(DemoDataSeeder.WorkerHelsinki.OrganisationId, UserRole.SocialWorker)).Single(m => m.DisplayName == DemoDataSeeder.WorkerHelsinki.DisplayName).UserId
            : Guid.Empty;
        var byUser = (await search.SearchAsync(new AccessLogSearch(null, workerId, FinnishToday(), FinnishToday()), new PageRequest(1, 100))).Value;
        byUser.Items.ShouldContain(r => r.RecordId == sent.ReferralId);
        byUser.Items.ShouldAllBe(r => r.UserId == workerId);

        var logged = await EntriesAsync(e => e.RecordType == AccessRecordType.AccessLog && e.ClientKey == key);
        logged.ShouldContain(e => e.Action == AccessAction.View && e.Purpose == AccessPurpose.WorkTask && e.UserName == DemoDataSeeder.AdminHelsinki.DisplayName);
    }

    [Fact]
    public async Task Search_NotAnAdmin_Forbidden()
    {
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        var result = await worker.Get<IAccessLogSearchHandler>().SearchAsync(new AccessLogSearch(null, null, null, null), new PageRequest());

        result.FirstError.ShouldBeOfType<ForbiddenError>();
    }

    [Fact]
    public async Task ExportCsv_Admin_ReturnsTheRowsAndIsLogged()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            await worker.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId);
        }

        var key = await HashAsync(sent.IdentityCode);
        var client = await EnrolledAdminClientAsync();

        var response = await client.GetAsync($"/admin/access-log/export?client={Uri.EscapeDataString(key)}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var csv = await response.ReadTextAsync();
        csv.ShouldContain(sent.ReferralId.ToString());
        csv.ShouldContain(DemoDataSeeder.WorkerHelsinki.DisplayName);
        csv.ShouldNotContain(sent.IdentityCode);
        (await EntriesAsync(e => e.RecordType == AccessRecordType.AccessLog && e.ClientKey == key && e.Action == AccessAction.Export)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ExportCsv_SocialWorker_Forbidden()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync("/admin/access-log/export");

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (await response.ReadTextAsync()).ShouldNotContain(";");
    }

    [Theory]
    [InlineData("fi", "Asiakkaan lokitiedot", "Katselu", "Sosiaalityöntekijä", "Asiakkuus")]
    [InlineData("sv", "Klientens loggutdrag", "Visning", "Socialarbetare", "Klientrelation")]
    public async Task ClientReport_InLanguage_HoldsUsesAndDisclosuresOfThatClientOnly(string lang, string title, string view, string role, string purpose)
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var other = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            await worker.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId);
            await worker.Get<IGetReferralHandler>().HandleAsync(other.ReferralId);
        }

        var key = await HashAsync(sent.IdentityCode);
        await using (var admin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki))
        {
            var report = (await admin.Get<IClientLogReportHandler>().HandleAsync(key)).Value;
            report.Uses.ShouldContain(u => u.Action == AccessAction.View && u.UserName == DemoDataSeeder.WorkerHelsinki.DisplayName);
            report.Disclosures.ShouldNotBeEmpty();
            report.Disclosures.ShouldAllBe(d => d.To.Id == DemoDataSeeder.WorkerHelsinki.OrganisationId || d.From.Id == DemoDataSeeder.WorkerHelsinki.OrganisationId);
        }

        var client = await EnrolledAdminClientAsync();
        var response = await client.GetAsync($"/admin/access-log/report?client={Uri.EscapeDataString(key)}&lang={lang}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await response.ReadTextAsync();
        html.ShouldContain($"lang=\"{lang}\"");
        html.ShouldContain(title);
        html.ShouldContain(view);
        html.ShouldContain(role);
        html.ShouldContain(purpose);
        html.ShouldContain(DemoDataSeeder.WorkerHelsinki.DisplayName);
        html.ShouldContain("data-testid=\"disclosures\"");
        html.ShouldNotContain("<script");
        html.ShouldNotContain(sent.IdentityCode);
        html.ShouldNotContain(other.ClientName);
        html.ShouldNotContain(other.IdentityCode);
        (await EntriesAsync(e => e.RecordType == AccessRecordType.AccessLog && e.ClientKey == key && e.Action == AccessAction.Print)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ClientReport_SocialWorker_Forbidden()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync("/admin/access-log/report?client=x&lang=fi");

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await response.ReadTextAsync()).ShouldNotContain("data-testid=\"uses\"");
    }

    private static DateOnly FinnishToday() => TimeProvider.System.Today();

    /// <summary>
    /// A new Helsinki admin over HTTP, enrolled for two-factor sign-in as admins must be (the demo admin's state is left to
    /// the tests that sign in as it without the browser).
    /// </summary>
    private async Task<HttpClient> EnrolledAdminClientAsync()
    {
        var admin = await app.NewAdminAsync();
        var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);
        await client.EnrolAsync();
        return client;
    }

    private async Task<string> HashAsync(string identityCode)
    {
        await using var scope = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);
        return scope.Get<IIdentityCodeHasher>().Hash(PersonalIdentityCode.Parse(identityCode).Value);
    }

    /// <summary>The entries as stored, past every lock (the owner's connection, no query filter).</summary>
    private async Task<List<AccessLogEntry>> EntriesAsync(System.Linq.Expressions.Expression<Func<AccessLogEntry, bool>> where)
    {
        await using var scope = app.NewDbContextPastRowLevelSecurity(FixedUser.Anonymous);
        return await scope.Db.AccessLog.IgnoreQueryFilters().AsNoTracking().Where(where).OrderBy(e => e.Id).ToListAsync();
    }
}
