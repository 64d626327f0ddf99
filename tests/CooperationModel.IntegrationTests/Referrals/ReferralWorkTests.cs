using CooperationModel.Application.Referrals.Forwarding;
using CooperationModel.Application.Referrals.Loop;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Npgsql;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// Every use case works on the referral as a whole (its steps and its chain loaded): each step gets its own number, and
/// the rules that read the chain hold through the use cases, not only in the domain.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReferralWorkTests(AppFixture app)
{
    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task Steps_WholeLoopThroughTheUseCases_NumberedOneAfterAnother()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.InAssessmentAsync(sent.ReferralId);
        await _steps.CompleteAsync(sent.ReferralId);

        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT sequence FROM referral_events WHERE referral_id = @id ORDER BY at, sequence", connection);
        command.Parameters.AddWithValue("id", sent.ReferralId);
        var sequences = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sequences.Add(reader.GetInt32(0));
            }
        }

        // Sent, received, accepted, assessment started, completed.
        sequences.ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task ReturnWrongOrganiser_WithAnOpenForward_RefusedAndStays()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        (await worker.Get<IForwardingCommands>().ForwardAsync(new ForwardReferralCommand(sent.ReferralId, ForwardTarget.HealthCare, null)))
            .ShouldSucceed();

        var result = await worker.Get<IReferralLoopCommands>().ReturnAsync(
            new ReturnReferralCommand(sent.ReferralId, ReturnReason.WrongOrganiser, null, "049"));

        result.ShouldFailWith<InvalidTransitionError>(Referral.Errors.OpenForwards.Code);
        (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).ReceiverOrganisationId.ShouldBe(ReferralLoopSteps.CityOfHelsinki);
    }
}
