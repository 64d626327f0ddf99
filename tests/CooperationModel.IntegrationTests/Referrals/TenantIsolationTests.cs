using System.Net;
using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// A referral is shared by exactly two organisations: the sending Kela district and the receiving organiser.
/// Everybody else gets nothing of it, by its address or by any list.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TenantIsolationTests(AppFixture app)
{
    private static readonly Guid CityOfHelsinki = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90");

    [Fact]
    public async Task SendReferral_HelsinkiClient_RoutesToCityOfHelsinki()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var referral = (await handler.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value;

        referral.ReceiverOrganisationId.ShouldBe(CityOfHelsinki);
        referral.SenderOrganisationId.ShouldBe(DemoDataSeeder.HandlerSouth.OrganisationId);
        referral.ClientName.ShouldBe(sent.ClientName);
        referral.SituationDescription.ShouldBe(sent.Description);
    }

    [Fact]
    public async Task SendReferral_EspooClient_RoutesToWesternUusimaa()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "049");

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var referral = (await handler.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value;

        referral.ReceiverOrganisationId.ShouldBe(Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "03"));
    }

    [Fact]
    public async Task ReferralPage_WorkerOfOtherOrganiser_ShowsNoClientData()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerNorthOstrobothnia);

        var html = await client.GetPageAsync($"/referrals/{sent.ReferralId}");

        html.ShouldContain("data-testid=\"not-found\"");
        ShouldHoldNothingOf(html, sent);
    }

    [Fact]
    public async Task ReferralApi_WorkerOfOtherOrganiser_NotFound()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerNorthOstrobothnia);

        var response = await client.GetAsync($"/api/referrals/{sent.ReferralId}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        ShouldHoldNothingOf(await response.ReadTextAsync(), sent);
    }

    [Fact]
    public async Task InboxApi_WorkerOfOtherOrganiser_ListsNothingOfIt()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerNorthOstrobothnia);

        (await client.InboxIdsAsync()).ShouldNotContain(sent.ReferralId);
        (await client.InboxIdsAsync("&search=" + Uri.EscapeDataString(sent.IdentityCode))).ShouldBeEmpty();
        (await client.InboxIdsAsync("&search=" + Uri.EscapeDataString(sent.ClientName))).ShouldBeEmpty();
        (await client.InboxIdsAsync("&status=Sent")).ShouldNotContain(sent.ReferralId);

        var raw = await client.GetAsync("/api/inbox?search=" + Uri.EscapeDataString(sent.IdentityCode));
        ShouldHoldNothingOf(await raw.ReadTextAsync(), sent);
    }

    [Fact]
    public async Task GetReferralHandler_WorkerOfOtherOrganiser_NotFoundAndNotMarkedReceived()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");

        await using (var north = await app.AsUserAsync(DemoDataSeeder.WorkerNorthOstrobothnia))
        {
            var result = await north.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId);
            result.IsSuccess.ShouldBeFalse();
            result.FirstError.ShouldBeOfType<NotFoundError>().Code.ShouldBe("Referral.NotFound");
        }

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var stored = (await handler.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value;
        stored.Status.ShouldBe(Domain.Referrals.ReferralStatus.Sent);
        stored.ReceivedAt.ShouldBeNull();
    }

    [Fact]
    public async Task ListInboxHandler_WorkerOfOtherOrganiser_FindsNothing()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var north = await app.AsUserAsync(DemoDataSeeder.WorkerNorthOstrobothnia);
        var inbox = north.Get<IListInboxHandler>();

        (await inbox.HandleAsync(new ListInboxQuery(sent.IdentityCode, null, new PageRequest()))).Value.TotalCount.ShouldBe(0);
        (await inbox.HandleAsync(new ListInboxQuery(sent.ClientName, null, new PageRequest()))).Value.TotalCount.ShouldBe(0);
        var all = (await inbox.HandleAsync(new ListInboxQuery(null, null, new PageRequest(1, PageRequest.MaxPageSize)))).Value;
        all.Items.ShouldNotContain(r => r.Id == sent.ReferralId);
    }

    [Fact]
    public async Task CasePage_HandlerOfOtherDistrict_ShowsNoClientData()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerNorth);

        var html = await client.GetPageAsync($"/cases/{sent.CaseId}");

        html.ShouldContain("data-testid=\"not-found\"");
        ShouldHoldNothingOf(html, sent);
    }

    [Fact]
    public async Task CaseHandlers_HandlerOfOtherDistrict_FindNothing()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var north = await app.AsUserAsync(DemoDataSeeder.HandlerNorth);

        var details = await north.Get<IGetCaseHandler>().HandleAsync(sent.CaseId);
        details.IsSuccess.ShouldBeFalse();
        details.FirstError.ShouldBeOfType<NotFoundError>();

        var cases = north.Get<IListCasesHandler>();
        (await cases.HandleAsync(new ListCasesQuery(sent.IdentityCode, new PageRequest()))).Value.TotalCount.ShouldBe(0);
        (await cases.HandleAsync(new ListCasesQuery(sent.ClientName, new PageRequest()))).Value.TotalCount.ShouldBe(0);
        var all = (await cases.HandleAsync(new ListCasesQuery(null, new PageRequest(1, PageRequest.MaxPageSize)))).Value;
        all.Items.ShouldNotContain(c => c.Id == sent.CaseId);

        (await north.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public async Task Referral_Coordinator_SeesNothingOfIt()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.Coordinator);

        // A coordinator works with no client (the policy ClientWork): refused outright, where it once got a not-found page.
        var page = await client.GetAsync($"/referrals/{sent.ReferralId}");
        page.RedirectTarget().ShouldStartWith("/account/access-denied");
        ShouldHoldNothingOf(await page.ReadTextAsync(), sent);

        var api = await client.GetAsync($"/api/referrals/{sent.ReferralId}");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ShouldHoldNothingOf(await api.ReadTextAsync(), sent);

        // The inbox is not the coordinator's: refused, with nothing of the client.
        var inbox = await client.GetAsync("/api/inbox?search=" + Uri.EscapeDataString(sent.IdentityCode));
        inbox.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ShouldHoldNothingOf(await inbox.ReadTextAsync(), sent);

        await using var coordinator = await app.AsUserAsync(DemoDataSeeder.Coordinator);
        (await coordinator.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).IsSuccess.ShouldBeFalse();
        (await coordinator.Get<IGetCaseHandler>().HandleAsync(sent.CaseId)).IsSuccess.ShouldBeFalse();
        (await coordinator.Get<IListCasesHandler>().HandleAsync(new ListCasesQuery(sent.IdentityCode, new PageRequest()))).Value.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task ReferralPage_ReceivingWorker_ShowsClientData()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var html = await client.GetPageAsync($"/referrals/{sent.ReferralId}");

        html.ShouldNotContain("data-testid=\"not-found\"");
        html.ShouldContain(sent.ClientName);
        html.ShouldContain(sent.IdentityCode);
        html.ShouldContain(sent.Description!);
    }

    [Fact]
    public async Task ReferralApi_ReceivingWorker_ReturnsIt()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync($"/api/referrals/{sent.ReferralId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("id").GetGuid().ShouldBe(sent.ReferralId);
        json.RootElement.GetProperty("clientName").GetString().ShouldBe(sent.ClientName);
        json.RootElement.GetProperty("clientIdentityCode").GetString().ShouldBe(sent.IdentityCode);
        json.RootElement.GetProperty("situationDescription").GetString().ShouldBe(sent.Description);
        // The first opening by the receiver marks it received.
        json.RootElement.GetProperty("status").GetString().ShouldBe("Received");
    }

    [Fact]
    public async Task InboxApi_ReceivingWorker_ListsIt()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        (await client.InboxIdsAsync("&search=" + Uri.EscapeDataString(sent.IdentityCode))).ShouldBe([sent.ReferralId]);
        (await client.InboxIdsAsync("&search=" + Uri.EscapeDataString(sent.ClientName))).ShouldBe([sent.ReferralId]);
        (await client.InboxIdsAsync("&status=Sent")).ShouldContain(sent.ReferralId);
        (await client.InboxIdsAsync()).ShouldContain(sent.ReferralId);
    }

    [Fact]
    public async Task InboxApi_NorthernReferral_OnlyNorthOstrobothniaSeesIt()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerNorth, "564");
        var north = await app.SignedInClientAsync(DemoDataSeeder.WorkerNorthOstrobothnia);
        var helsinki = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        (await north.InboxIdsAsync("&search=" + Uri.EscapeDataString(sent.IdentityCode))).ShouldBe([sent.ReferralId]);
        (await helsinki.InboxIdsAsync("&search=" + Uri.EscapeDataString(sent.IdentityCode))).ShouldBeEmpty();
        (await helsinki.GetAsync($"/api/referrals/{sent.ReferralId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static void ShouldHoldNothingOf(string text, SentReferral sent)
    {
        text.ShouldNotContain(sent.ClientName);
        text.ShouldNotContain(sent.IdentityCode);
        text.ShouldNotContain(sent.IdentityCode[..7]);
        if (sent.Description is not null)
        {
            text.ShouldNotContain(sent.Description);
        }
    }
}
