using CooperationModel.Application.Referrals.Loop;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Npgsql;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>A worker of the shared inbox gives a referral to a colleague; a worker of another organiser cannot be chosen.</summary>
[Collection(AppCollection.Name)]
public sealed class AssignReferralTests(AppFixture app)
{
    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task Assign_ToAColleague_TheColleagueIsTheNamedWorkerOnBothSides()
    {
        var colleague = await app.CreateUserAsync(
            $"Kollega {Guid.NewGuid():N}"[..20], ReferralLoopSteps.CityOfHelsinki, UserRole.SocialWorker, ProcessSteps.Password);
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var lead = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var loop = lead.Get<IReferralLoopCommands>();
        (await loop.ColleaguesAsync()).Select(c => c.UserId).ShouldContain(colleague.Id);

        (await loop.AssignAsync(sent.ReferralId, colleague.Id)).ShouldSucceed();

        var seenByKela = await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId);
        seenByKela.Status.ShouldBe(ReferralStatus.Accepted);
        seenByKela.NamedWorkerUserId.ShouldBe(colleague.Id);
        seenByKela.Timeline[0].Kind.ShouldBe(ReferralEventKind.Assigned);
        seenByKela.Timeline[0].ActorName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
        // The colleague is told, personally.
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var told = new NpgsqlCommand(
            "SELECT count(*) FROM notifications WHERE user_id = @user AND referral_id = @referral AND kind = 'NewReferral'", connection);
        told.Parameters.AddWithValue("user", colleague.Id);
        told.Parameters.AddWithValue("referral", sent.ReferralId);
        ((long)(await told.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task Assign_ToAWorkerOfAnotherOrganiser_NotAColleagueAndUnchanged()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        var westWorker = await _steps.NewWestUusimaaWorkerAsync();
        await using var lead = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        var result = await lead.Get<IReferralLoopCommands>().AssignAsync(sent.ReferralId, westWorker.Id);

        result.ShouldFailWith<ValidationError>(ReferralLoopCommands.NotAColleague.Code);
        (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).NamedWorkerUserId.ShouldBeNull();
    }

    [Fact]
    public async Task Assign_ByAKelaHandler_NoColleaguesAndRefused()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var loop = handler.Get<IReferralLoopCommands>();

        (await loop.ColleaguesAsync()).ShouldBeEmpty();
        (await loop.AssignAsync(sent.ReferralId, handler.User.Id)).IsSuccess.ShouldBeFalse();
    }
}
