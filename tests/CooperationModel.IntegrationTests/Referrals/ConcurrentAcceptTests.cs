using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.AcceptReferral;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>Two social workers of the same organiser accept the same referral at the same moment: one wins.</summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentAcceptTests(AppFixture app)
{
    private const int Rounds = 5;

    [Fact]
    public async Task Accept_TwoWorkersAtOnce_ExactlyOneWins()
    {
        var second = await app.CreateUserAsync(
            "Toinen Työntekijä", Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90"), UserRole.SocialWorker, "Vahva-Salasana-2026!");

        for (var round = 0; round < Rounds; round++)
        {
            var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
            await using var first = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
            await using var other = await app.AsUserAsync(second.Email!);
            var firstAccept = first.Get<IAcceptReferralHandler>();
            var otherAccept = other.Get<IAcceptReferralHandler>();

            // Both wait at the barrier, then accept on their own thread pool threads at the same moment.
            using var barrier = new Barrier(2);
            var results = await Task.WhenAll(
                Task.Run(() => AcceptTogether(barrier, firstAccept, sent.ReferralId)),
                Task.Run(() => AcceptTogether(barrier, otherAccept, sent.ReferralId)));

            results.Count(r => r.IsSuccess).ShouldBe(1, $"round {round}");
            var loser = results.Single(r => !r.IsSuccess);
            loser.FirstError.ShouldBeOfType<ConflictError>().Code.ShouldBe(Referral.Errors.AlreadyAccepted.Code);

            var winner = results[0].IsSuccess ? first.User : other.User;
            var stored = (await first.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value;
            stored.Status.ShouldBe(ReferralStatus.Accepted);
            stored.NamedWorkerUserId.ShouldBe(winner.Id);
            stored.NamedWorkerName.ShouldBe(winner.DisplayName);
        }
    }

    [Fact]
    public async Task SaveChanges_BothLoadedBeforeEitherSaved_SecondGetsConcurrencyError()
    {
        // The deterministic form of the race: both have read the referral as not yet accepted.
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var second = await app.CreateUserAsync(
            "Kolmas Työntekijä", Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90"), UserRole.SocialWorker, "Vahva-Salasana-2026!");
        var firstUser = await ActorOfAsync(DemoDataSeeder.WorkerHelsinki.Email);
        var secondUser = await ActorOfAsync(second.Email!);
        await using var firstDb = app.NewDbContext(firstUser);
        await using var secondDb = app.NewDbContext(secondUser);
        var firstCopy = await firstDb.Db.Referrals.SingleAsync(r => r.Id == sent.ReferralId);
        var secondCopy = await secondDb.Db.Referrals.SingleAsync(r => r.Id == sent.ReferralId);

        firstCopy.Accept(((ICurrentUser)firstUser).ToActor(), DateTimeOffset.UtcNow).IsSuccess.ShouldBeTrue();
        secondCopy.Accept(((ICurrentUser)secondUser).ToActor(), DateTimeOffset.UtcNow).IsSuccess.ShouldBeTrue();
        // The referral row, its two timeline events (received, accepted) and the access log's entry of the change.
        (await firstDb.Db.SaveChangesAsync()).ShouldBe(4);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => secondDb.Db.SaveChangesAsync());

        await using var check = app.NewDbContext(firstUser);
        var stored = await check.Db.Referrals.AsNoTracking().SingleAsync(r => r.Id == sent.ReferralId);
        stored.NamedWorkerUserId.ShouldBe(firstUser.UserId);
    }

    private async Task<FixedUser> ActorOfAsync(string email)
    {
        await using var scope = await app.AsUserAsync(email);
        return new FixedUser(scope.User.Id, scope.User.OrganisationId, OrganisationKind.SocialServicesOrganiser, scope.User.Role, scope.User.DisplayName);
    }

    private static async Task<Result> AcceptTogether(Barrier barrier, IAcceptReferralHandler accept, Guid referralId)
    {
        barrier.SignalAndWait(TimeSpan.FromSeconds(30)).ShouldBeTrue("the other worker never arrived");
        return await accept.HandleAsync(referralId);
    }
}
