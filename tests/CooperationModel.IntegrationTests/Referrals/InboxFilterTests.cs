using System.Net;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.AcceptReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// The inbox filters and orders on the server. East Uusimaa (organiser 01) receives referrals only from these tests,
/// so its inbox holds exactly what each test sent.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InboxFilterTests(AppFixture app)
{
    private const string Loviisa = "434";
    private const string Askola = "018";
    private static readonly Guid EastUusimaa = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "01");

    [Fact]
    public async Task ListInbox_ByGroundAndMunicipality_OnlyMatchingRows()
    {
        var loviisaNeed = await SendAsync(Loviisa, ReferralGround.ObviousNeedForSocialCare);
        var loviisaYoung = await SendAsync(Loviisa, ReferralGround.UnemployedUnder25FourMonths);
        var askolaNeed = await SendAsync(Askola, ReferralGround.ObviousNeedForSocialCare);
        await using var worker = await NewWorkerAsync();

        var byGround = await ListAsync(worker, new ListInboxQuery(null, null, new PageRequest(1, 100), Ground: ReferralGround.UnemployedUnder25FourMonths));
        var byMunicipality = await ListAsync(worker, new ListInboxQuery(null, null, new PageRequest(1, 100), MunicipalityCode: Askola));
        var both = await ListAsync(worker, new ListInboxQuery(null, null, new PageRequest(1, 100), ReferralGround.ObviousNeedForSocialCare, Loviisa));

        byGround.Items.ShouldAllBe(r => r.Ground == ReferralGround.UnemployedUnder25FourMonths);
        byGround.Items.Select(r => r.Id).ShouldContain(loviisaYoung);
        byGround.Items.Select(r => r.Id).ShouldNotContain(loviisaNeed);
        byMunicipality.Items.ShouldAllBe(r => r.HomeMunicipalityCode == Askola);
        byMunicipality.Items.Select(r => r.Id).ShouldContain(askolaNeed);
        both.Items.Select(r => r.Id).ShouldContain(loviisaNeed);
        both.Items.Select(r => r.Id).ShouldNotContain(loviisaYoung);
        both.Items.Select(r => r.Id).ShouldNotContain(askolaNeed);
        both.TotalCount.ShouldBe(both.Items.Count);
    }

    [Fact]
    public async Task ListInbox_OnlyMine_OnlyTheWorkersNamedReferrals()
    {
        var mine = await SendAsync(Loviisa, ReferralGround.ClientRequestsAssessment);
        var other = await SendAsync(Loviisa, ReferralGround.ClientRequestsAssessment);
        await using var worker = await NewWorkerAsync();
        (await worker.Get<IAcceptReferralHandler>().HandleAsync(mine)).ShouldSucceed();

        var onlyMine = await ListAsync(worker, new ListInboxQuery(null, null, new PageRequest(1, 100), OnlyMine: true));

        onlyMine.Items.Select(r => r.Id).ShouldBe([mine]);
        onlyMine.Items.Select(r => r.Id).ShouldNotContain(other);
    }

    [Fact]
    public async Task ListInbox_Orders_AreAppliedOnTheServer()
    {
        var first = await SendAsync(Askola, ReferralGround.ImmigrantOverTwoMonths);
        var second = await SendAsync(Askola, ReferralGround.ImmigrantOverTwoMonths);
        await using var worker = await NewWorkerAsync();
        (await worker.Get<IAcceptReferralHandler>().HandleAsync(first)).ShouldSucceed();
        var mineOnly = new[] { first, second };
        var query = new ListInboxQuery(null, null, new PageRequest(1, 100), ReferralGround.ImmigrantOverTwoMonths, Askola);

        var newest = (await ListAsync(worker, query)).Items.Select(r => r.Id).Where(mineOnly.Contains).ToList();
        var oldest = (await ListAsync(worker, query with { Order = InboxOrder.OldestFirst })).Items.Select(r => r.Id).Where(mineOnly.Contains).ToList();
        var byStatus = (await ListAsync(worker, query with { Order = InboxOrder.Status })).Items.Select(r => r.Id).Where(mineOnly.Contains).ToList();

        newest.ShouldBe([second, first]);
        oldest.ShouldBe([first, second]);
        // In the loop's order, not alphabetically: the untouched one (sent) before the accepted one.
        byStatus.ShouldBe([second, first]);
    }

    [Theory]
    [InlineData("?ground=Bogus", "ground")]
    [InlineData("?order=Sideways", "order")]
    [InlineData("?municipality=999", "municipality")]
    [InlineData("?ground=3", "ground")]
    public async Task InboxApi_UnknownFilterValue_BadRequestNamingTheParameter(string query, string parameter)
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync("/api/inbox" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain($"\"{parameter}\"");
    }

    [Fact]
    public async Task InboxApi_Filters_Ok()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetAsync("/api/inbox?ground=ObviousNeedForSocialCare&municipality=091&mine=false&order=ClientName");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<Guid> SendAsync(string municipality, ReferralGround ground)
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, municipality);
        var sent = await handler.Get<ISendReferralHandler>().HandleAsync(
            Sending.Command(opened.Id, ground, consent: false, description: null));
        sent.ShouldSucceed();
        return sent.Value;
    }

    private async Task<UserScope> NewWorkerAsync()
    {
        var user = await app.CreateUserAsync($"Itä Työntekijä {Guid.NewGuid():N}"[..24], EastUusimaa, UserRole.SocialWorker, ProcessSteps.Password);
        return await app.AsUserAsync(user.Email!);
    }

    private static async Task<Page<InboxRow>> ListAsync(UserScope worker, ListInboxQuery query) =>
        (await worker.Get<IListInboxHandler>().HandleAsync(query)).Value;
}
