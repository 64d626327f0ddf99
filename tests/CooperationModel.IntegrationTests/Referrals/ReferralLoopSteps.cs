using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.AcceptReferral;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Application.Referrals.Loop;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Npgsql;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// The steps the referral loop tests share: a Southern district handler sends a referral of a new client (with the
/// consent options the test needs), Helsinki or West Uusimaa workers take it on, and the stored send time is moved back.
/// </summary>
public sealed class ReferralLoopSteps(AppFixture app)
{
    public static readonly Guid CityOfHelsinki = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90");

    public static readonly Guid WestUusimaa = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "03");

    public static Guid Southern => DemoDataSeeder.HandlerSouth.OrganisationId;

    /// <summary>Opens a case for a new client in the handler's district and sends a referral from it.</summary>
    public async Task<LoopReferral> SendAsync(
        DemoUser handler, string municipalityCode = ProcessSteps.Helsinki, bool consent = true, bool coversFeedback = false)
    {
        await using var scope = await app.AsUserAsync(handler);
        var opened = await ProcessSteps.OpenAsync(scope, municipalityCode);
        var referralId = await SendFromAsync(scope, opened.Id, consent, coversFeedback);
        return new LoopReferral(opened.Id, referralId, opened.IdentityCode, opened.ClientName);
    }

    /// <summary>Sends one more referral from an open case (the first one may still be open: then with a reason).</summary>
    public static async Task<Guid> SendFromAsync(UserScope handler, Guid caseId, bool consent = true, bool coversFeedback = false, string? repeatReason = null)
    {
        var sent = await handler.Get<ISendReferralHandler>().HandleAsync(Sending.Command(
            caseId, ReferralGround.ObviousNeedForSocialCare, consent, consent ? "Tilanne: vuokrarästejä." : null, coversFeedback, repeatReason));
        sent.ShouldSucceed();
        return sent.Value;
    }

    /// <summary>A new social worker of West Uusimaa, the organiser of Espoo.</summary>
    public Task<AppUser> NewWestUusimaaWorkerAsync() =>
        app.CreateUserAsync($"Wilma Länsi {Guid.NewGuid():N}"[..20], WestUusimaa, UserRole.SocialWorker, ProcessSteps.Password);

    public async Task AcceptAsync(DemoUser worker, Guid referralId)
    {
        await using var scope = await app.AsUserAsync(worker);
        (await scope.Get<IAcceptReferralHandler>().HandleAsync(referralId)).ShouldSucceed();
    }

    /// <summary>Helsinki accepts and starts the assessment.</summary>
    public async Task InAssessmentAsync(Guid referralId)
    {
        await AcceptAsync(DemoDataSeeder.WorkerHelsinki, referralId);
        await using var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        (await scope.Get<IReferralLoopCommands>().StartAssessmentAsync(referralId)).ShouldSucceed();
    }

    public async Task CompleteAsync(Guid referralId, ReferralOutcome outcome = ReferralOutcome.NoNeedFound, PlanType? plan = null, string? note = null)
    {
        await using var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        (await scope.Get<IReferralLoopCommands>().CompleteAsync(new CompleteReferralCommand(referralId, outcome, plan, note))).ShouldSucceed();
    }

    public async Task ReturnAsync(Guid referralId, ReturnReason reason, string? municipalityCode = null, string? note = null)
    {
        await using var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        (await scope.Get<IReferralLoopCommands>().ReturnAsync(new ReturnReferralCommand(referralId, reason, note, municipalityCode))).ShouldSucceed();
    }

    public async Task<ReferralDetails> GetAsync(DemoUser user, Guid referralId)
    {
        await using var scope = await app.AsUserAsync(user);
        return await GetAsync(scope, referralId);
    }

    public static async Task<ReferralDetails> GetAsync(UserScope user, Guid referralId)
    {
        var details = await user.Get<IGetReferralHandler>().HandleAsync(referralId);
        details.ShouldSucceed();
        return details.Value;
    }

    /// <summary>The rows of the user's inbox for one client (searched by identity code).</summary>
    public static async Task<IReadOnlyList<InboxRow>> InboxForClientAsync(UserScope user, string identityCode) =>
        (await user.Get<IListInboxHandler>().HandleAsync(new ListInboxQuery(identityCode, null, new PageRequest(1, PageRequest.MaxPageSize)))).Value.Items;

    /// <summary>Moves the stored send time, as if the referral had been sent then (the use cases always stamp "now").</summary>
    public async Task SetSentAtAsync(Guid referralId, DateTimeOffset sentAt)
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE referrals SET sent_at = @at WHERE id = @id", connection);
        update.Parameters.AddWithValue("at", sentAt.ToUniversalTime());
        update.Parameters.AddWithValue("id", referralId);
        (await update.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    /// <summary>How many referrals are stored for a case, whoever may see them.</summary>
    public async Task<long> CountStoredAsync(Guid caseId)
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM referrals WHERE case_id = @id", connection);
        count.Parameters.AddWithValue("id", caseId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

/// <summary>A referral a test sent: its case, its id and the (fictitious) client.</summary>
public sealed record LoopReferral(Guid CaseId, Guid ReferralId, string IdentityCode, string ClientName)
{
    public OpenedCase Case => new(CaseId, IdentityCode, ClientName);
}
