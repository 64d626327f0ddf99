using System.Net;
using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Npgsql;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// A referral not accepted by the receiver's deadline is overdue, and stands out in the receiver's inbox and the
/// sender's lists. The app has no clock to move, so the tests move the stored deadline instead. Vantaa and Kerava
/// (organiser 04) receive referrals only from these tests.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OverdueTests(AppFixture app)
{
    private const string Vantaa = "092";
    private static readonly Guid VantaaAndKerava = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "04");

    private readonly ReferralLoopSteps _steps = new(app);
    private readonly ProcessSteps _process = new(app);

    [Fact]
    public async Task ListInbox_OverdueFilter_OnlyWaitingPastTheirDeadline()
    {
        var (late, dueToday, acceptedLate) = await ThreeReferralsAsync();
        await using var worker = await NewWorkerAsync();
        var inbox = worker.Get<IListInboxHandler>();
        var everything = new ListInboxQuery(null, null, new PageRequest(1, PageRequest.MaxPageSize));

        var overdue = (await inbox.HandleAsync(everything with { Overdue = true })).Value;
        var notOverdue = (await inbox.HandleAsync(everything with { Overdue = false })).Value;
        var all = (await inbox.HandleAsync(everything)).Value;

        overdue.Items.Select(r => r.Id).ShouldContain(late.ReferralId);
        overdue.Items.Select(r => r.Id).ShouldNotContain(dueToday.ReferralId);
        overdue.Items.Select(r => r.Id).ShouldNotContain(acceptedLate.ReferralId);
        overdue.Items.ShouldAllBe(r => r.IsOverdue);
        notOverdue.Items.Select(r => r.Id).ShouldContain(dueToday.ReferralId);
        notOverdue.Items.Select(r => r.Id).ShouldContain(acceptedLate.ReferralId);
        notOverdue.Items.Select(r => r.Id).ShouldNotContain(late.ReferralId);
        notOverdue.Items.ShouldAllBe(r => !r.IsOverdue);
        (overdue.TotalCount + notOverdue.TotalCount).ShouldBe(all.TotalCount);
        var lateRow = all.Items.Single(r => r.Id == late.ReferralId);
        lateRow.IsOverdue.ShouldBeTrue();
        lateRow.RespondBy.ShouldBe(_process.Today.AddDays(-3));
    }

    [Fact]
    public async Task ListInbox_OrderByRespondBy_EarliestDeadlineFirst()
    {
        var (late, dueToday, acceptedLate) = await ThreeReferralsAsync();
        await using var worker = await NewWorkerAsync();

        var ids = (await worker.Get<IListInboxHandler>().HandleAsync(
                new ListInboxQuery(null, null, new PageRequest(1, PageRequest.MaxPageSize), Order: InboxOrder.RespondBy))).Value
            .Items.Select(r => r.Id).Where(new[] { late.ReferralId, dueToday.ReferralId, acceptedLate.ReferralId }.Contains).ToList();

        ids.ShouldBe([acceptedLate.ReferralId, late.ReferralId, dueToday.ReferralId]);
    }

    [Fact]
    public async Task InboxApi_Overdue_FiltersAndBogusIsABadRequest()
    {
        var (late, dueToday, _) = await ThreeReferralsAsync();
        var user = await app.CreateUserAsync("Vantaa Api", VantaaAndKerava, UserRole.SocialWorker, ProcessSteps.Password);
        var client = await app.SignedInClientAsync(user.Email!, ProcessSteps.Password);

        var overdue = await client.InboxIdsAsync("&overdue=true");
        var notOverdue = await client.InboxIdsAsync("&overdue=false");
        var bogus = await client.GetAsync("/api/inbox?overdue=bogus");

        overdue.ShouldContain(late.ReferralId);
        overdue.ShouldNotContain(dueToday.ReferralId);
        notOverdue.ShouldContain(dueToday.ReferralId);
        notOverdue.ShouldNotContain(late.ReferralId);
        bogus.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bogus.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await bogus.Content.ReadAsStringAsync()).ShouldContain("\"overdue\"");
    }

    [Fact]
    public async Task SenderLists_OverdueReferral_MarkedOnTheCaseAndInTheWorkspace()
    {
        var (late, dueToday, _) = await ThreeReferralsAsync();
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var lateCase = (await handler.Get<IGetCaseHandler>().HandleAsync(late.CaseId)).Value.Referrals.ShouldHaveSingleItem();
        var onTimeCase = (await handler.Get<IGetCaseHandler>().HandleAsync(dueToday.CaseId)).Value.Referrals.ShouldHaveSingleItem();
        var lateRow = (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.All, late.Case)).Items.ShouldHaveSingleItem();
        var onTimeRow = (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.All, dueToday.Case)).Items.ShouldHaveSingleItem();

        lateCase.IsOverdue.ShouldBeTrue();
        lateCase.RespondBy.ShouldBe(_process.Today.AddDays(-3));
        onTimeCase.IsOverdue.ShouldBeFalse();
        lateRow.ReferralOverdue.ShouldBeTrue();
        onTimeRow.ReferralOverdue.ShouldBeFalse();
        (await _steps.GetAsync(DemoDataSeeder.HandlerSouth, late.ReferralId)).IsOverdue.ShouldBeTrue();
    }

    [Fact]
    public async Task AwaitingFeedback_OverdueReferral_Marked()
    {
        var (late, _, _) = await ThreeReferralsAsync();
        await _steps.SetSentAtAsync(late.ReferralId, DateTimeOffset.UtcNow.AddDays(-20));
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var row = (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.AwaitingFeedback, late.Case)).Items.ShouldHaveSingleItem();

        row.ReferralOverdue.ShouldBeTrue();
    }

    /// <summary>
    /// Three referrals to Vantaa: one waiting past its deadline (3 days ago), one due today (not yet overdue), and one
    /// past its deadline but accepted (no longer waiting, so not overdue).
    /// </summary>
    private async Task<(LoopReferral Late, LoopReferral DueToday, LoopReferral AcceptedLate)> ThreeReferralsAsync()
    {
        var late = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, Vantaa);
        var dueToday = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, Vantaa);
        var acceptedLate = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, Vantaa);
        var worker = await NewWorkerUserAsync();
        await using (var scope = await app.AsUserAsync(worker.Email!))
        {
            (await scope.Get<Application.Referrals.AcceptReferral.IAcceptReferralHandler>().HandleAsync(acceptedLate.ReferralId)).ShouldSucceed();
        }

        var today = _process.Today;
        await SetRespondByAsync(late.ReferralId, today.AddDays(-3));
        await SetRespondByAsync(dueToday.ReferralId, today);
        await SetRespondByAsync(acceptedLate.ReferralId, today.AddDays(-10));
        return (late, dueToday, acceptedLate);
    }

    private Task<Infrastructure.Identity.AppUser> NewWorkerUserAsync() =>
        app.CreateUserAsync($"Vantaa Työntekijä {Guid.NewGuid():N}"[..26], VantaaAndKerava, UserRole.SocialWorker, ProcessSteps.Password);

    private async Task<UserScope> NewWorkerAsync() => await app.AsUserAsync((await NewWorkerUserAsync()).Email!);

    /// <summary>Moves the stored deadline, as if the referral had been sent long enough ago.</summary>
    private async Task SetRespondByAsync(Guid referralId, DateOnly respondBy)
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE referrals SET respond_by = @by WHERE id = @id", connection);
        update.Parameters.AddWithValue("by", respondBy);
        update.Parameters.AddWithValue("id", referralId);
        (await update.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
