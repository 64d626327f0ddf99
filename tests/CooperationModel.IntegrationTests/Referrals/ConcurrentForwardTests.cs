using CooperationModel.Application.Referrals.Forwarding;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// The forwarding chain under concurrency: two partner workers accepting the same forward, or two social workers
/// forwarding to the same partner, at the same moment. Exactly one wins; the other is told clearly.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentForwardTests(AppFixture app)
{
    private const int Rounds = 5;

    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task AcceptForward_TwoPartnerWorkersAtOnce_ExactlyOneIsTheNamedWorker()
    {
        var second = await app.CreateUserAsync(
            "Toinen Hoitaja", Organisation.IdFor(OrganisationKind.HealthCare, "90"), UserRole.HealthCareProfessional, "Vahva-Salasana-2026!");

        for (var round = 0; round < Rounds; round++)
        {
            var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
            await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
            await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
            {
                (await worker.Get<IForwardingCommands>().ForwardAsync(new ForwardReferralCommand(sent.ReferralId, ForwardTarget.HealthCare, null)))
                    .ShouldSucceed();
            }

            await using var first = await app.AsUserAsync(DemoDataSeeder.HealthCareHelsinki);
            await using var other = await app.AsUserAsync(second.Email!);
            var results = await TogetherAsync(
                () => first.Get<IForwardingCommands>().AcceptAsync(sent.ReferralId),
                () => other.Get<IForwardingCommands>().AcceptAsync(sent.ReferralId));

            results.Count(r => r.IsSuccess).ShouldBe(1, $"round {round}");
            results.Single(r => !r.IsSuccess).FirstError.ShouldBeOfType<ConflictError>();
            var winner = results[0].IsSuccess ? first.User : other.User;
            var forward = (await first.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value.Forwards.ShouldHaveSingleItem();
            forward.Status.ShouldBe(ForwardStatus.Accepted);
            forward.NamedWorkerName.ShouldBe(winner.DisplayName);
        }
    }

    [Fact]
    public async Task Forward_TwoSocialWorkersToTheSamePartnerAtOnce_OneForward()
    {
        var second = await app.CreateUserAsync(
            "Toinen Sosiaalityöntekijä", ReferralLoopSteps.CityOfHelsinki, UserRole.SocialWorker, "Vahva-Salasana-2026!");

        for (var round = 0; round < Rounds; round++)
        {
            var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
            await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
            await using var first = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
            await using var other = await app.AsUserAsync(second.Email!);
            var command = new ForwardReferralCommand(sent.ReferralId, ForwardTarget.HealthCare, null);

            var results = await TogetherAsync(
                () => first.Get<IForwardingCommands>().ForwardAsync(command),
                () => other.Get<IForwardingCommands>().ForwardAsync(command));

            results.Count(r => r.IsSuccess).ShouldBe(1, $"round {round}");
            results.Single(r => !r.IsSuccess).FirstError.ShouldBeOfType<ConflictError>();
            (await first.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value.Forwards.Count.ShouldBe(1);
        }
    }

    /// <summary>Both wait at a barrier, then run on their own thread pool threads at the same moment.</summary>
    private static async Task<Result[]> TogetherAsync(Func<Task<Result>> one, Func<Task<Result>> another)
    {
        using var barrier = new Barrier(2);
        return await Task.WhenAll(
            Task.Run(() => { barrier.SignalAndWait(); return one(); }),
            Task.Run(() => { barrier.SignalAndWait(); return another(); }));
    }
}
