using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Cases.Process;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Process;

/// <summary>
/// Handlers take from the urgent queue at the same moment: two never get the same case (ADR 0004, xmin as the row
/// version). These tests run in the eastern district (itäinen), which no other test uses, and empty its queue first.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentTakeTests(AppFixture app)
{
    private const string District = "itainen";
    private const int Handlers = 4;
    private const int CasesPerRound = 3;
    private const int Rounds = 5;

    private readonly ProcessSteps _steps = new(app);

    [Fact]
    public async Task TakeNext_FourHandlersAtOnceOnThreeCases_EachCaseTakenByExactlyOneAndOneQueueEmpty()
    {
        var users = new List<AppUser>();
        for (var i = 0; i < Handlers; i++)
        {
            users.Add(await _steps.NewHandlerAsync(District, $"Kilpailija {i}"));
        }

        await using (var first = await _steps.AsAsync(users[0]))
        {
            await ProcessSteps.DrainAsync(first, ProcessingQueue.Urgent);
        }

        for (var round = 0; round < Rounds; round++)
        {
            var queued = new List<Guid>();
            await using (var opener = await _steps.AsAsync(users[round % Handlers]))
            {
                for (var i = 0; i < CasesPerRound; i++)
                {
                    queued.Add((await _steps.QueueAsync(opener, ProcessSteps.Kuopio, urgent: true)).Id);
                }
            }

            var scopes = new List<UserScope>();
            try
            {
                foreach (var user in users)
                {
                    scopes.Add(await _steps.AsAsync(user));
                }

                // Every handler waits at the barrier on a thread of its own, then all take at the same moment.
                using var barrier = new Barrier(Handlers);
                var commands = scopes.Select(s => s.Get<IProcessCommands>()).ToList();
                var results = await Task.WhenAll(commands.Select(c => Task.Run(() => TakeTogetherAsync(barrier, c))));

                results.Count(r => r.IsSuccess).ShouldBe(Math.Min(Handlers, CasesPerRound), $"round {round}");
                var takenIds = results.Where(r => r.IsSuccess).Select(r => r.Value).ToList();
                takenIds.Distinct().Count().ShouldBe(takenIds.Count, $"round {round}: a case was handed out twice");
                takenIds.ShouldBe(queued, ignoreOrder: true);
                results.Where(r => !r.IsSuccess).ShouldAllBe(r => r.Errors.Count == 1 && r.FirstError is NotFoundError && r.FirstError.Code == ProcessCommands.QueueEmpty.Code);

                var winners = results
                    .Select((result, index) => (result, user: users[index]))
                    .Where(x => x.result.IsSuccess)
                    .ToDictionary(x => x.result.Value, x => x.user);
                await ShouldBeHeldOnceAsync(users[0], winners);

                (await ProcessSteps.ListAsync(scopes[0], CaseListFilter.UrgentQueue)).Items.ShouldBeEmpty();
            }
            finally
            {
                foreach (var scope in scopes)
                {
                    await scope.DisposeAsync();
                }
            }
        }
    }

    [Fact]
    public async Task Take_TwoHandlersSameCaseAtOnce_OneHoldsItOtherGetsConflict()
    {
        var firstUser = await _steps.NewHandlerAsync(District, "Sama Ensimmäinen");
        var secondUser = await _steps.NewHandlerAsync(District, "Sama Toinen");
        for (var round = 0; round < Rounds; round++)
        {
            await using var first = await _steps.AsAsync(firstUser);
            await using var second = await _steps.AsAsync(secondUser);
            var queued = await _steps.QueueAsync(first, ProcessSteps.Kuopio, urgent: true);
            var firstCommands = first.Get<IProcessCommands>();
            var secondCommands = second.Get<IProcessCommands>();

            using var barrier = new Barrier(2);
            var results = await Task.WhenAll(
                Task.Run(() => TakeTogetherAsync(barrier, firstCommands, queued.Id)),
                Task.Run(() => TakeTogetherAsync(barrier, secondCommands, queued.Id)));

            results.Count(r => r.IsSuccess).ShouldBe(1, $"round {round}");
            // Read after the winner saved: already taken; read before: the row version refuses the save.
            var loser = results.Single(r => !r.IsSuccess).Errors.ShouldHaveSingleItem().ShouldBeOfType<ConflictError>();
            loser.Code.ShouldBeOneOf("Case.AlreadyTaken", CommonErrors.ChangedByAnother.Code);
            var winner = results[0].IsSuccess ? firstUser : secondUser;
            await ShouldBeHeldOnceAsync(firstUser, new Dictionary<Guid, AppUser> { [queued.Id] = winner });
        }
    }

    [Fact]
    public async Task SaveChanges_BothLoadedBeforeEitherTook_SecondGetsConcurrencyError()
    {
        // The deterministic form of the race: both contexts have read the case as untaken.
        var firstAccount = await _steps.NewHandlerAsync(District, "Kilpa Ensimmäinen");
        var firstUser = ProcessSteps.FixedOf(firstAccount);
        var secondUser = ProcessSteps.FixedOf(await _steps.NewHandlerAsync(District, "Kilpa Toinen"));
        OpenedCase queued;
        await using (var opener = await _steps.AsAsync(firstAccount))
        {
            queued = await _steps.QueueAsync(opener, ProcessSteps.Kuopio, urgent: true);
        }

        await using var firstDb = app.NewDbContext(firstUser);
        await using var secondDb = app.NewDbContext(secondUser);
        var firstCopy = await firstDb.Db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == queued.Id);
        var secondCopy = await secondDb.Db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == queued.Id);

        firstCopy.Take(((ICurrentUser)firstUser).ToActor(), DateTimeOffset.UtcNow).ShouldSucceed();
        secondCopy.Take(((ICurrentUser)secondUser).ToActor(), DateTimeOffset.UtcNow).ShouldSucceed();
        (await firstDb.Db.SaveChangesAsync()).ShouldBeGreaterThan(0);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => secondDb.Db.SaveChangesAsync());

        await using var check = app.NewDbContext(firstUser);
        var stored = await check.Db.Cases.AsNoTracking().SingleAsync(c => c.Id == queued.Id);
        stored.HandlerUserId.ShouldBe(firstUser.UserId);
        stored.HandlerName.ShouldBe(firstUser.DisplayName);
        var taken = await check.Db.CaseEvents.AsNoTracking().Where(e => e.CaseId == queued.Id && e.Kind == CaseEventKind.Taken).ToListAsync();
        taken.ShouldHaveSingleItem().ActorUserId.ShouldBe(firstUser.UserId);
    }

    private static async Task<Result<Guid>> TakeTogetherAsync(Barrier barrier, IProcessCommands commands)
    {
        barrier.SignalAndWait(TimeSpan.FromSeconds(30)).ShouldBeTrue("another handler never arrived");
        return await commands.TakeNextAsync(ProcessingQueue.Urgent);
    }

    private static async Task<Result> TakeTogetherAsync(Barrier barrier, IProcessCommands commands, Guid caseId)
    {
        barrier.SignalAndWait(TimeSpan.FromSeconds(30)).ShouldBeTrue("the other handler never arrived");
        return await commands.TakeAsync(caseId);
    }

    /// <summary>In the database, each case is held by its one winner, and its timeline has one take, by that winner.</summary>
    private async Task ShouldBeHeldOnceAsync(AppUser reader, IReadOnlyDictionary<Guid, AppUser> winners)
    {
        var ids = winners.Keys.ToList();
        await using var scope = app.NewDbContext(ProcessSteps.FixedOf(reader));
        var stored = await scope.Db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();
        stored.Count.ShouldBe(ids.Count);
        foreach (var clientCase in stored)
        {
            clientCase.HandlerUserId.ShouldBe(winners[clientCase.Id].Id);
            clientCase.HandlerName.ShouldBe(winners[clientCase.Id].DisplayName);
        }

        var takes = await scope.Db.CaseEvents.AsNoTracking()
            .Where(e => ids.Contains(e.CaseId) && e.Kind == CaseEventKind.Taken)
            .ToListAsync();
        takes.Count.ShouldBe(ids.Count, "each case is taken exactly once");
        foreach (var take in takes)
        {
            take.ActorUserId.ShouldBe(winners[take.CaseId].Id);
        }
    }
}
