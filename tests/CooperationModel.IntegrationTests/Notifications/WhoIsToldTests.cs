using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Notifications;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.IntegrationTests.Notifications;

/// <summary>
/// The notifications each step of the chain writes, read as stored: who is told, and that a row holds nothing but ids,
/// a kind and times.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NotificationWriterTests(AppFixture app)
{
    private static readonly Guid Helsinki = ReferralLoopSteps.CityOfHelsinki;
    private static readonly Guid HealthCareHelsinki = DemoDataSeeder.HealthCareHelsinki.OrganisationId;

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
    public async Task PostMessage_ReferralReadWithoutTracking_TheNamedWorkerIsStillTold(bool saveSynchronously)
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

        await _notifications.PostMessageAsync(
            DemoDataSeeder.HandlerSouth, sent.ReferralId, Helsinki, "Lisätieto.", trackReferral: false, saveSynchronously: saveSynchronously);

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

        await _notifications.ChangeAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId, (r, actor) => r.Forward(actor, ForwardTarget.HealthCare, null, DateTimeOffset.UtcNow));
        await _notifications.ChangeAsync(DemoDataSeeder.HealthCareHelsinki, sent.ReferralId, (r, actor) => r.AcceptForward(actor, DateTimeOffset.UtcNow));
        await _notifications.PostMessageAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId, HealthCareHelsinki, "Tervetuloa mukaan.");
        await _notifications.ChangeAsync(DemoDataSeeder.HealthCareHelsinki, sent.ReferralId, (r, actor) => r.CompleteForward(actor, null, DateTimeOffset.UtcNow));

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

    private async Task<Guid> UserIdAsync(DemoUser user)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(user.Email);
        return account.ShouldNotBeNull().Id;
    }
}
