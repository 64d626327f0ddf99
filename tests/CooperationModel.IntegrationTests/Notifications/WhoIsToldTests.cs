using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals;
using CooperationModel.Application.Referrals.Forwarding;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Notifications;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Notifications;

/// <summary>
/// The notifications each use case of the chain writes, read as stored: who is told, and that a row holds nothing but
/// ids, a kind and times. A use case that adds steps and forgets to ask Domain/Notifications/ReferralNotifications
/// fails here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WhoIsToldTests(AppFixture app)
{
    private static readonly Guid Helsinki = ReferralLoopSteps.CityOfHelsinki;
    private static readonly Guid HealthCareHelsinki = DemoDataSeeder.HealthCareHelsinki.OrganisationId;
    private static readonly Guid YouthWorkHelsinki = DemoDataSeeder.YouthWorkHelsinki.OrganisationId;

    /// <summary>The demo client whose referral the demo data sends to Helsinki.</summary>
    private const string DemoReferralCode = "010190-900P";

    private readonly NotificationSteps _notifications = new(app);
    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task SendReferral_ToHelsinki_OneSharedNewReferralForTheReceiverAndNoPersonalData()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);

        var row = (await _notifications.RowsOfAsync(sent.ReferralId)).ShouldHaveSingleItem();

        row.Keys.ShouldBe(NotificationSteps.Columns, ignoreOrder: true);
        row["organisation_id"].ShouldBe(Helsinki);
        row["user_id"].ShouldBeNull();
        row["model_feedback_id"].ShouldBeNull();
        row["kind"].ShouldBe("NewReferral");
        row["referral_id"].ShouldBe(sent.ReferralId);
        row["created_at"].ShouldNotBeNull();
        row["read_at"].ShouldBeNull();
        row["emailed_at"].ShouldBeNull();
        var codeDigits = sent.IdentityCode[..6];
        foreach (var (column, value) in row)
        {
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            text.ShouldNotContain(sent.ClientName, Case.Insensitive, $"column {column}");
            text.ShouldNotContain("Testi Asiakas", Case.Insensitive, $"column {column}");
            text.ShouldNotContain(sent.IdentityCode, Case.Insensitive, $"column {column}");
            text.ShouldNotContain(codeDigits, Case.Insensitive, $"column {column}");
        }
    }

    [Fact]
    public async Task Complete_ByHelsinki_TheSendingHandlerIsTold()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.InAssessmentAsync(sent.ReferralId);

        await _steps.CompleteAsync(sent.ReferralId);

        var handlerId = await UserIdAsync(DemoDataSeeder.HandlerSouth);
        (await _notifications.WhoIsToldAsync(sent.ReferralId)).ShouldBe([
            (Helsinki, null, "NewReferral"),
            (ReferralLoopSteps.Southern, handlerId, "Feedback"),
        ]);
    }

    [Fact]
    public async Task Return_NoCapacity_TheSendingHandlerIsTold()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);

        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.NoCapacity);

        var handlerId = await UserIdAsync(DemoDataSeeder.HandlerSouth);
        (await _notifications.WhoIsToldAsync(sent.ReferralId)).ShouldBe([
            (Helsinki, null, "NewReferral"),
            (ReferralLoopSteps.Southern, handlerId, "Feedback"),
        ]);
    }

    [Fact]
    public async Task Return_WrongOrganiser_TheNewReceiverIsToldAndTheSenderIsNot()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);

        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.WrongOrganiser, municipalityCode: "049");

        (await _notifications.WhoIsToldAsync(sent.ReferralId)).ShouldBe([
            (Helsinki, null, "NewReferral"),
            (ReferralLoopSteps.WestUusimaa, null, "NewReferral"),
        ]);
    }

    [Fact]
    public async Task PostMessage_BothWays_TheWorkerOfTheOtherSideIsTold()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        var before = await _notifications.CountsAsync(DemoDataSeeder.WorkerHelsinki);
        await _notifications.PostMessageAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId, Helsinki, "Ennen kuin kukaan on ottanut sen.");
        var waiting = await _notifications.CountsAsync(DemoDataSeeder.WorkerHelsinki);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        await _notifications.PostMessageAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId, Helsinki, "Asiakas soitti.");
        await _notifications.PostMessageAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId, ReferralLoopSteps.Southern, "Kiitos, otamme yhteyttä.");

        var workerId = await UserIdAsync(DemoDataSeeder.WorkerHelsinki);
        var handlerId = await UserIdAsync(DemoDataSeeder.HandlerSouth);
        (await _notifications.WhoIsToldAsync(sent.ReferralId)).ShouldBe([
            (Helsinki, null, "NewReferral"),
            (Helsinki, null, "NewMessage"),
            (Helsinki, workerId, "NewMessage"),
            (ReferralLoopSteps.Southern, handlerId, "NewMessage"),
        ]);
        // Unread messages in the menu: the worker's own referrals and those nobody took yet; the handler's sent ones.
        (waiting.Messages - before.Messages).ShouldBe(1);
        ((await _notifications.CountsAsync(DemoDataSeeder.WorkerHelsinki)).Messages - before.Messages).ShouldBe(2);
        (await _notifications.CountsAsync(DemoDataSeeder.HandlerSouth)).Messages.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostMessage_ReferralReadWithoutTrackingSavedEitherWay_TheNamedWorkerIsToldAndTheReceiverSignalled(bool saveSynchronously)
    {
        // Helsinki hears of each save once: the sending, the acceptance, and then the message.
        var feed = app.Factory.Services.GetRequiredService<PostgresChangeFeed>();
        var signals = 0;
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(Helsinki, () =>
        {
            if (Interlocked.Increment(ref signals) == 3)
            {
                third.TrySetResult();
            }

            return Task.CompletedTask;
        });
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        await _notifications.PostMessageByHandAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId, Helsinki, "Lisätieto.", saveSynchronously);

        var workerId = await UserIdAsync(DemoDataSeeder.WorkerHelsinki);
        (await _notifications.WhoIsToldAsync(sent.ReferralId)).ShouldBe([
            (Helsinki, null, "NewReferral"),
            (Helsinki, workerId, "NewMessage"),
        ]);
        await third.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Forward_ToHealthCare_ThePartnerIsToldAndItsCompletionTellsTheNamedWorker()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        await ForwardAsync(sent.ReferralId, ForwardTarget.HealthCare);
        await AsPartnerAsync(DemoDataSeeder.HealthCareHelsinki, forwarding => forwarding.AcceptAsync(sent.ReferralId));
        await _notifications.PostMessageAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId, HealthCareHelsinki, "Tervetuloa mukaan.");
        await AsPartnerAsync(DemoDataSeeder.HealthCareHelsinki, forwarding => forwarding.CompleteAsync(new CompleteForwardCommand(sent.ReferralId, null)));

        var workerId = await UserIdAsync(DemoDataSeeder.WorkerHelsinki);
        var nurseId = await UserIdAsync(DemoDataSeeder.HealthCareHelsinki);
        (await _notifications.WhoIsToldAsync(sent.ReferralId)).ShouldBe([
            (Helsinki, null, "NewReferral"),
            (HealthCareHelsinki, null, "Forwarded"),
            (HealthCareHelsinki, nurseId, "NewMessage"),
            (Helsinki, workerId, "Feedback"),
        ]);
        HealthCareHelsinki.ShouldBe(Organisation.IdFor(OrganisationKind.HealthCare, "90"));
    }

    [Fact]
    public async Task ReturnForward_ByOutreachYouthWork_TheNamedWorkerIsTold()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await ForwardAsync(sent.ReferralId, ForwardTarget.OutreachYouthWork);

        await AsPartnerAsync(
            DemoDataSeeder.YouthWorkHelsinki,
            forwarding => forwarding.ReturnAsync(new ReturnForwardCommand(sent.ReferralId, ReturnReason.NotReached, null)));

        var workerId = await UserIdAsync(DemoDataSeeder.WorkerHelsinki);
        (await _notifications.WhoIsToldAsync(sent.ReferralId)).ShouldBe([
            (Helsinki, null, "NewReferral"),
            (YouthWorkHelsinki, null, "Forwarded"),
            (Helsinki, workerId, "Feedback"),
        ]);
    }

    [Fact]
    public async Task OpenAcceptAndStartAssessment_NobodyIsToldMore()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);

        await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await _steps.InAssessmentAsync(sent.ReferralId);

        (await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId)).Timeline.Select(e => e.Kind)
            .ShouldBe([ReferralEventKind.AssessmentStarted, ReferralEventKind.Accepted, ReferralEventKind.Received, ReferralEventKind.Sent]);
        (await _notifications.WhoIsToldAsync(sent.ReferralId)).ShouldBe([(Helsinki, null, "NewReferral")]);
    }

    [Fact]
    public async Task DemoData_TheSeededReferral_HelsinkiWasToldOfIt()
    {
        var hash = app.Factory.Services.GetRequiredService<IIdentityCodeHasher>().Hash(PersonalIdentityCode.Parse(DemoReferralCode).Value);
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand(
            "SELECT id FROM referrals WHERE client_identity_code_hash = @hash AND sender_organisation_id = @kela ORDER BY sent_at LIMIT 1", connection);
        select.Parameters.AddWithValue("hash", hash);
        select.Parameters.AddWithValue("kela", ReferralLoopSteps.Southern);
        var seeded = (Guid)(await select.ExecuteScalarAsync()).ShouldNotBeNull();

        (await _notifications.WhoIsToldAsync(seeded)).ShouldBe([(Helsinki, null, "NewReferral")]);
    }

    [Fact]
    public async Task Complete_SaveConflictsThenRetriedOnTheSameContext_EachNotificationOnce()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.InAssessmentAsync(sent.ReferralId);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        await using var db = (AppDbContext)await worker.Get<IAppDbContextFactory>().CreateAsync();
        var referral = (await db.FindForWorkAsync(sent.ReferralId, CancellationToken.None)).ShouldNotBeNull();
        var actor = worker.Get<ICurrentUser>().ToActor();
        db.ChangeNotifying(referral, r => r.Complete(actor, ReferralOutcome.NoNeedFound, null, null, DateTimeOffset.UtcNow)).ShouldSucceed();
        // Someone else's save in between: the row's version moves on, and the first attempt fails after every interceptor ran.
        await using (var connection = new NpgsqlConnection(app.OwnerConnectionString))
        {
            await connection.OpenAsync();
            await using var touch = new NpgsqlCommand("UPDATE referrals SET urgent = urgent WHERE id = @id", connection);
            touch.Parameters.AddWithValue("id", sent.ReferralId);
            (await touch.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        var entry = db.Entry(referral);
        entry.OriginalValues.SetValues((await entry.GetDatabaseValuesAsync()).ShouldNotBeNull());
        await db.SaveChangesAsync();

        var handlerId = await UserIdAsync(DemoDataSeeder.HandlerSouth);
        (await _notifications.WhoIsToldAsync(sent.ReferralId)).ShouldBe([
            (Helsinki, null, "NewReferral"),
            (ReferralLoopSteps.Southern, handlerId, "Feedback"),
        ]);
    }

    private async Task ForwardAsync(Guid referralId, ForwardTarget target)
    {
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        (await worker.Get<IForwardingCommands>().ForwardAsync(new ForwardReferralCommand(referralId, target, null))).ShouldSucceed();
    }

    private async Task AsPartnerAsync(DemoUser partner, Func<IForwardingCommands, Task<Result>> step)
    {
        await using var scope = await app.AsUserAsync(partner);
        (await step(scope.Get<IForwardingCommands>())).ShouldSucceed();
    }

    private async Task<Guid> UserIdAsync(DemoUser user)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(user.Email);
        return account.ShouldNotBeNull().Id;
    }
}
