using System.Linq.Expressions;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using LinqKit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>An app and database of their own: hundreds of generated referrals would crowd the shared inboxes and lists.</summary>
public sealed class PredicateAgreementApp : IAsyncLifetime
{
    public AppFixture App { get; } = AppFixture.With(new Dictionary<string, string>());

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// The referral predicates (<see cref="ReferralPredicates"/>) asked of PostgreSQL and of the same referrals in memory
/// must give the same answer. The referrals come from random walks over the domain's own moves (send, receive, accept,
/// assign, start the assessment, complete, return, re-route) with random grounds, consents, deadlines and times, many of
/// them near the Finnish midnight that ends a deadline, some stored without a deadline. Every predicate is asked three
/// ways, as the code asks them: as a filter, negated, and as a bool column of a projection (LinqKit's Invoke).
/// </summary>
public sealed class ReferralPredicateAgreementTests(PredicateAgreementApp fixture) : IClassFixture<PredicateAgreementApp>
{
    private const int ReferralsPerSeed = 240;

    private static readonly string[] HomeMunicipalities = [ProcessSteps.Helsinki, "049", "092"];

    /// <summary>Where a re-route may send it: organisers all over the country.</summary>
    private static readonly string[] RerouteMunicipalities =
        [ProcessSteps.Helsinki, "049", "092", ProcessSteps.Oulu, ProcessSteps.Jyvaskyla, ProcessSteps.Kuopio, "837", "853"];

    private static readonly TimeZoneInfo Finland = TimeZoneInfo.FindSystemTimeZoneById(Domain.Calendar.FinnishCalendar.TimeZoneId);

    private static readonly DateOnly Base = new(2026, 3, 2);

    private static readonly ReferralRouting Routing = new(ReferenceCatalog.Instance);

    private AppFixture App => fixture.App;

    [Theory]
    [InlineData(1)]
    [InlineData(20261202)]
    [InlineData(777)]
    public async Task Predicates_GeneratedReferrals_SqlAndInMemoryAgree(int seed)
    {
        var random = new Random(seed);
        var sender = await App.FixedUserAsync(DemoDataSeeder.HandlerSouth);
        var ids = await GenerateAsync(random, sender);
        await using var scope = App.NewDbContext(sender);
        var db = scope.Db;
        IQueryable<Referral> Mine() => db.Referrals.AsNoTracking().Where(r => ids.Contains(r.Id));
        var stored = await Mine().ToListAsync();
        stored.Count.ShouldBe(ids.Count);
        var failures = new List<string>();

        async Task Agree(string name, Expression<Func<Referral, bool>> predicate, Func<Referral, bool> inMemory)
        {
            var expected = stored.Where(inMemory).Select(r => r.Id).ToHashSet();
            var filtered = (await Mine().Where(predicate).Select(r => r.Id).ToListAsync()).ToHashSet();
            var negated = (await Mine().AsExpandable().Where(r => !predicate.Invoke(r)).Select(r => r.Id).ToListAsync()).ToHashSet();
            var projected = (await Mine().AsExpandable().Select(r => new { r.Id, Holds = predicate.Invoke(r) }).ToListAsync())
                .Where(x => x.Holds).Select(x => x.Id).ToHashSet();
            var wrong = stored.Where(r => filtered.Contains(r.Id) != expected.Contains(r.Id)
                    || negated.Contains(r.Id) == expected.Contains(r.Id)
                    || projected.Contains(r.Id) != expected.Contains(r.Id))
                .ToList();
            if (wrong.Count > 0)
            {
                failures.Add($"{name}: {wrong.Count} of {stored.Count} disagree (in memory {expected.Count}, SQL {filtered.Count}), e.g. {Describe(wrong[0])}: "
                    + $"in memory {expected.Contains(wrong[0].Id)}, filter {filtered.Contains(wrong[0].Id)}, "
                    + $"negated {negated.Contains(wrong[0].Id)}, column {projected.Contains(wrong[0].Id)}");
            }
        }

        // The in-memory side is what the pages read: the entity's members and the predicates' extension members.
        await Agree(nameof(ReferralPredicates.Open), ReferralPredicates.Open, r => r.IsOpen);
        await Agree(nameof(ReferralPredicates.AwaitingAcceptance), ReferralPredicates.AwaitingAcceptance, r => r.AwaitsAcceptance);
        await Agree(nameof(ReferralPredicates.AcknowledgedWithinDeadline), ReferralPredicates.AcknowledgedWithinDeadline, r => r.WasAcknowledgedWithinDeadline);
        await Agree(nameof(ReferralPredicates.CompletedWithFeedback), ReferralPredicates.CompletedWithFeedback, r => r.IsCompletedWithFeedback);
        foreach (var day in Days(stored, random))
        {
            await Agree($"Overdue({day:O})", ReferralPredicates.Overdue(day), r => r.IsOverdue(day));
        }

        foreach (var cutoff in Instants(stored.Select(r => (DateTimeOffset?)r.SentAt), random))
        {
            await Agree($"AwaitingFeedback({cutoff:O})", ReferralPredicates.AwaitingFeedback(cutoff), r => r.AwaitsFeedback(cutoff));
        }

        foreach (var cutoff in Instants(stored.Select(r => r.ClosedAt), random))
        {
            await Agree($"ClosedOnOrBefore({cutoff:O})", ReferralPredicates.ClosedOnOrBefore(cutoff), r => r.IsClosedOnOrBefore(cutoff));
        }

        var closedAt = ReferralPredicates.ClosedAt;
        var closedInSql = (await Mine().AsExpandable().Select(r => new { r.Id, At = closedAt.Invoke(r) }).ToListAsync()).ToDictionary(x => x.Id, x => x.At);
        failures.AddRange(stored.Where(r => closedInSql[r.Id] != r.ClosedAt).Take(1)
            .Select(r => $"ClosedAt: {Describe(r)}: in memory {r.ClosedAt:O}, SQL {closedInSql[r.Id]:O}"));

        // And what the rules mean, said independently of the expressions: a shared slip of both sides shows here.
        failures.AddRange(stored.Where(r => r.IsOpen != (r.ClosedAt is null)).Take(1).Select(r => $"IsOpen and ClosedAt: {Describe(r)}"));
        failures.AddRange(stored.Where(r => r.WasAcknowledgedWithinDeadline != (r.AcceptedAt is { } at
                && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Finland).DateTime) <= r.RespondBy))
            .Take(1).Select(r => $"Acknowledged within the deadline, in Finnish time: {Describe(r)}"));

        failures.ShouldBeEmpty($"seed {seed}:\n" + string.Join("\n", failures));
        // The walks reach every corner the predicates tell apart (else a disagreement there could not show).
        stored.Any(r => r.IsOverdue(Base.AddDays(60))).ShouldBeTrue("an overdue one");
        stored.Any(r => r.WasAcknowledgedWithinDeadline).ShouldBeTrue("one acknowledged in time");
        stored.Any(r => r.AcceptedAt != null && r.RespondBy != null && !r.WasAcknowledgedWithinDeadline).ShouldBeTrue("one acknowledged late");
        stored.Any(r => r.IsCompletedWithFeedback).ShouldBeTrue("one completed with feedback");
        stored.Any(r => r.Status == ReferralStatus.Returned).ShouldBeTrue("a returned one");
        stored.ShouldContain(r => r.RespondBy == null);
    }

    /// <summary>Sends the referrals of one seed, walks each, and stores them as they ended (some then without a deadline).</summary>
    private async Task<List<Guid>> GenerateAsync(Random random, ICurrentUser sender)
    {
        var caseIds = new List<Guid>();
        await using (var handler = await App.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            foreach (var municipality in HomeMunicipalities)
            {
                caseIds.Add((await ProcessSteps.OpenAsync(handler, municipality)).Id);
            }
        }

        var referrals = new List<Referral>();
        await using (var scope = App.NewDbContextPastRowLevelSecurity(sender))
        {
            var cases = await scope.Db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync();
            for (var i = 0; i < ReferralsPerSeed; i++)
            {
                referrals.Add(Walk(random, cases[random.Next(cases.Count)], sender.ToActor()));
            }

            scope.Db.Referrals.AddRange(referrals);
            // The receivers' disclosures would be theirs to write (the tenant guard): the log is not what is tested here.
            foreach (var disclosure in scope.Db.ChangeTracker.Entries<Disclosure>().ToList())
            {
                disclosure.State = EntityState.Detached;
            }

            await scope.Db.SaveChangesAsync();
        }

        // Referrals sent before deadlines existed have none.
        var withoutDeadline = referrals.Where(_ => random.Next(8) == 0).Select(r => r.Id).ToArray();
        await using var connection = new NpgsqlConnection(App.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE referrals SET respond_by = NULL WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", withoutDeadline);
        await command.ExecuteNonQueryAsync();
        return referrals.Select(r => r.Id).ToList();
    }

    /// <summary>One referral: sent on a random day with a random consent and deadline, then up to eight random moves.</summary>
    private static Referral Walk(Random random, ClientCase clientCase, Actor sender)
    {
        var sentOn = Base.AddDays(random.Next(0, 60));
        var now = FinnishTime.StartOf(sentOn).AddSeconds(random.Next(0, 24 * 60 * 60));
        var ground = random.Pick(Enum.GetValues<ReferralGround>());
        var urgent = ground.KindOf() == ReferralKind.ApplicationTransfer && random.Next(3) == 0;
        var consent = random.Next(3) switch
        {
            0 => ConsentRecord.NotGiven,
            1 => new ConsentRecord(true, sentOn.AddDays(-random.Next(3)), random.Pick(Enum.GetValues<ConsentMethod>()), false, random.Next(2) == 0),
            _ => ConsentRecord.GivenIn(random.Pick(Enum.GetValues<ConsentMethod>()), sentOn.AddDays(-random.Next(3)), random.Next(2) == 0),
        };
        var content = new ReferralContent(ground, consent, consent.CoversDescription ? "Tilanne: vuokrarästejä." : null, urgent);
        var referral = Referral.Send(Routing, clientCase, content, sender, sentOn, now, Deadlines(random, Routing.ReceiverFor(clientCase.HomeMunicipalityCode), ground))
            .Value;

        for (var step = random.Next(0, 9); step > 0; step--)
        {
            now = Later(random, now, referral);
            var today = DateOnly.FromDateTime(FinnishTime.ToFinnish(now).DateTime);
            var worker = Worker(referral.ReceiverOrganisationId, random.Next(3));
            switch (random.Next(8))
            {
                case 0:
                    referral.MarkReceived(worker, now);
                    break;
                case 1 or 2:
                    referral.Accept(worker, now);
                    break;
                case 3:
                    referral.Assign(worker, Worker(referral.ReceiverOrganisationId, random.Next(3)), now);
                    break;
                case 4:
                    referral.StartAssessment(worker, now);
                    break;
                case 5:
                    Complete(random, referral, worker, now);
                    break;
                case 6:
                    var reason = random.Pick(Enum.GetValues<ReturnReason>().Where(r => r != ReturnReason.WrongOrganiser).ToArray());
                    referral.Return(Routing, worker, reason, null, null, ReferralDeadlinePolicy.Default, today, now);
                    break;
                default:
                    Reroute(random, referral, worker, today, now);
                    break;
            }
        }

        return referral;
    }

    private static Result Complete(Random random, Referral referral, Actor worker, DateTimeOffset now)
    {
        var outcome = random.Pick(Enum.GetValues<ReferralOutcome>());
        var plan = outcome == ReferralOutcome.AssessmentDone ? random.Pick(Enum.GetValues<PlanType>()) : (PlanType?)null;
        return referral.Complete(worker, outcome, plan, random.Next(2) == 0 ? "Valmis." : null, now);
    }

    private static Result Reroute(Random random, Referral referral, Actor worker, DateOnly today, DateTimeOffset now)
    {
        var home = ReferenceCatalog.Instance.FindMunicipality(random.Pick(RerouteMunicipalities))!;
        return referral.Return(
            Routing, worker, ReturnReason.WrongOrganiser, null, home, Deadlines(random, Routing.ReceiverFor(home.Code), referral.Ground), today, now);
    }

    /// <summary>The receiver's own deadline for the ground: from the same working day to ten working days.</summary>
    private static ReferralDeadlinePolicy Deadlines(Random random, Guid receiver, ReferralGround ground) =>
        new([ReferralDeadlineSetting.Create(receiver, ground, random.Next(0, 11)).Value]);

    /// <summary>A worker of the receiver (three per organisation, so an assignment can change the named worker).</summary>
    private static Actor Worker(Guid organisationId, int number) =>
        new(new Guid(organisationId.ToByteArray().Take(15).Append((byte)number).ToArray()), organisationId, $"Työntekijä {number}");

    /// <summary>
    /// The next move's time, in whole seconds: often within an hour and a half of the Finnish midnight that ends the
    /// deadline (where a day counted in UTC would differ), otherwise minutes to days later.
    /// </summary>
    private static DateTimeOffset Later(Random random, DateTimeOffset now, Referral referral)
    {
        if (referral.RespondBy is { } respondBy && random.Next(3) == 0)
        {
            var nearMidnight = FinnishTime.StartOf(respondBy.AddDays(1)).AddMinutes(random.Next(-90, 90)).AddSeconds(random.Next(-1, 2));
            if (nearMidnight > now)
            {
                return nearMidnight;
            }
        }

        return now.AddSeconds(random.Next(60, 4 * 24 * 60 * 60));
    }

    /// <summary>Days around the deadlines: on them, the day after and before, and a few far off.</summary>
    private static IEnumerable<DateOnly> Days(IReadOnlyList<Referral> referrals, Random random)
    {
        var deadlines = referrals.Where(r => r.RespondBy is not null).Select(r => r.RespondBy!.Value).Distinct().ToList();
        var days = new HashSet<DateOnly> { Base.AddDays(-10), Base.AddDays(200) };
        foreach (var deadline in deadlines.OrderBy(_ => random.Next()).Take(4))
        {
            days.UnionWith([deadline.AddDays(-1), deadline, deadline.AddDays(1)]);
        }

        return days;
    }

    /// <summary>Instants on and a second either side of stored ones, and a few far off.</summary>
    private static IEnumerable<DateTimeOffset> Instants(IEnumerable<DateTimeOffset?> stored, Random random)
    {
        var instants = new HashSet<DateTimeOffset> { FinnishTime.StartOf(Base.AddDays(-10)), FinnishTime.StartOf(Base.AddDays(400)) };
        foreach (var at in stored.OfType<DateTimeOffset>().Distinct().OrderBy(_ => random.Next()).Take(4))
        {
            instants.UnionWith([at.AddSeconds(-1), at, at.AddSeconds(1)]);
        }

        return instants;
    }

    private static string Describe(Referral r) =>
        $"{r.Id} ({r.Status}, respond by {r.RespondBy:O}, sent {r.SentAt:O}, accepted {r.AcceptedAt:O}, completed {r.CompletedAt:O}, "
        + $"returned {r.ReturnedAt:O}, feedback consent {r.ConsentCoversFeedback})";
}

internal static class RandomPicks
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
