using CooperationModel.Application.Common;
using CooperationModel.Application.Statistics;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Statistics;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CooperationModel.IntegrationTests.Statistics;

/// <summary>An app and database of their own: hundreds of generated referrals would crowd the shared inboxes and lists.</summary>
public sealed class ClosedLoopFiguresApp : IAsyncLifetime
{
    public AppFixture App { get; } = AppFixture.With(new Dictionary<string, string>());

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// A pilot area's closed-loop figures against the rest of the country, before and after its start, on PostgreSQL:
/// referrals generated in several organisations (inside and outside the area, before, after and outside the periods,
/// accepted in time, late or never, completed with and without feedback consent, returned with reasons, re-routed
/// into and out of the area), and every figure compared with a computation in plain C# over every referral in the
/// database, read past row-level security.
/// </summary>
public sealed class ClosedLoopFiguresTests(ClosedLoopFiguresApp fixture) : IClassFixture<ClosedLoopFiguresApp>
{
    private const int Referrals = 700;

    /// <summary>The pilot's area: Helsinki and Espoo (two organisers: the city, and Länsi-Uusimaa).</summary>
    private static readonly string[] Area = [ProcessSteps.Helsinki, "049"];

    /// <summary>Where the clients live when the case is opened: in the area and outside it (Vantaa, Kauniainen).</summary>
    private static readonly string[] HomeMunicipalities = [ProcessSteps.Helsinki, "049", "092", "235"];

    /// <summary>Where a re-route may send it: into the area and out of it, all over the country.</summary>
    private static readonly string[] RerouteMunicipalities = [ProcessSteps.Helsinki, "049", "092", ProcessSteps.Oulu, ProcessSteps.Jyvaskyla, "837"];

    private static readonly DateOnly StartMonth = new(2025, 1, 1);

    private const int Months = 6;

    private static readonly TimeZoneInfo Finland = TimeZoneInfo.FindSystemTimeZoneById(FinnishCalendar.TimeZoneId);

    private static readonly ReferralRouting Routing = new(ReferenceCatalog.Instance);

    private AppFixture App => fixture.App;

    [Fact]
    public async Task Figures_OfGeneratedReferrals_MatchAnIndependentComputation()
    {
        await GenerateAsync(new Random(14));
        var all = await AllReferralsAsync();
        var expected = Expected(all);
        // The data reach every corner the figures tell apart, in every column (else a slip there could not show).
        foreach (var (column, referrals) in expected.Columns)
        {
            referrals.Count.ShouldBeGreaterThan(40, column);
            referrals.ShouldContain(r => r.AcceptedAt != null && InTime(r), column);
            referrals.ShouldContain(r => r.AcceptedAt != null && !InTime(r), column);
            referrals.ShouldContain(r => r.AcceptedAt == null, column);
            referrals.ShouldContain(r => r.Status == ReferralStatus.Completed && r.ConsentCoversFeedback, column);
            referrals.ShouldContain(r => r.Status == ReferralStatus.Completed && !r.ConsentCoversFeedback, column);
            referrals.ShouldContain(r => r.Status == ReferralStatus.Returned, column);
        }

        all.Select(r => r.ReceiverOrganisationId).Distinct().Count().ShouldBeGreaterThan(3);
        all.ShouldContain(r => r.ReturnReason == ReturnReason.WrongOrganiser && Area.Contains(r.HomeMunicipalityCode));

        // Without suppression, every number exactly.
        var exact = await CompareAsync(threshold: 1);
        foreach (var (column, referrals) in expected.Columns)
        {
            var figures = exact.Column(column);
            var returned = referrals.Count(r => r.Status == ReferralStatus.Returned);
            figures.Sent.Count.ShouldBe(referrals.Count, column);
            figures.AcknowledgedWithinDeadline.ShouldBe(Share(referrals.Count(InTime), referrals.Count), column);
            figures.CompletedWithFeedback.ShouldBe(
                Share(referrals.Count(r => r.Status == ReferralStatus.Completed && r.ConsentCoversFeedback), referrals.Count), column);
            figures.Returned.ShouldBe(Share(returned, referrals.Count), column);
            foreach (var reason in figures.ReturnReasons)
            {
                reason.Figure.ShouldBe(Share(referrals.Count(r => r.Status == ReferralStatus.Returned && r.ReturnReason == reason.Reason), returned), $"{column} {reason.Reason}");
            }

            figures.ReturnReasons.Sum(r => r.Figure.Count).ShouldBe(returned, column);
            figures.MedianWorkingDaysToAcceptance.ShouldBe(new MedianFigure(Median(referrals), false), column);
        }

        // For coordinators: what is shown is exact, what is hidden is small (or complementary to a small one).
        var shown = await CompareAsync(threshold: 5);
        foreach (var (column, _) in expected.Columns)
        {
            var figures = shown.Column(column);
            var full = exact.Column(column);
            foreach (var (s, f) in Counts(figures).Zip(Counts(full)))
            {
                if (s.Complementary)
                {
                    s.Count.ShouldBeNull();
                }
                else if (s.Suppressed)
                {
                    f.Count!.Value.ShouldBeInRange(1, 4, column);
                }
                else
                {
                    s.ShouldBe(f, column);
                }
            }

            var hiddenReasons = figures.ReturnReasons.Where(r => r.Figure.Suppressed).ToList();
            if (!figures.Returned.Suppressed)
            {
                hiddenReasons.Count.ShouldNotBe(1, $"{column}: one hidden reason beside the total");
            }
        }

        Counts(shown.AreaBefore).Concat(Counts(shown.AreaAfter)).Concat(Counts(shown.RestBefore)).Concat(Counts(shown.RestAfter))
            .ShouldContain(c => c.Suppressed, "the generated data have small return-reason counts to hide");
    }

    [Theory]
    [InlineData("kasittelija.etela@demo.test")]
    [InlineData("sosiaalityo.helsinki@demo.test")]
    [InlineData("paakayttaja.helsinki@demo.test")]
    public async Task Figures_AreRefused_ToEveryoneButCoordinators(string email)
    {
        await using var scope = await App.AsUserAsync(email);

        var result = await scope.Get<IClosedLoopFigures>().CompareAreaAsync(new ClosedLoopAreaQuery(Area, StartMonth));

        result.FirstError.ShouldBe(CommonErrors.WrongRole);
    }

    [Fact]
    public async Task Figures_NeedAnArea_AndAPeriodOfSense()
    {
        await using var scope = await App.AsUserAsync(DemoDataSeeder.Coordinator);
        var figures = scope.Get<IClosedLoopFigures>();

        (await figures.CompareAreaAsync(new ClosedLoopAreaQuery([" "], StartMonth))).FirstError.ShouldBe(ClosedLoopFiguresHandler.AreaRequired);
        (await figures.CompareAreaAsync(new ClosedLoopAreaQuery(Area, StartMonth, 0))).FirstError.ShouldBe(ClosedLoopPeriods.MonthsOutOfRange);
        // The coordinator's own connection sees no referral at all: the figures come from each organisation's own read.
        await using var own = App.NewDbContext(await App.FixedUserAsync(DemoDataSeeder.Coordinator));
        (await own.Db.Referrals.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    private async Task<ClosedLoopComparison> CompareAsync(int threshold)
    {
        await using var scope = await App.AsUserAsync(DemoDataSeeder.Coordinator);
        var handler = new ClosedLoopFiguresHandler(
            scope.Get<IPerOrganisationAggregates>(), scope.Get<ICurrentUser>(), Options.Create(new StatisticsOptions { SmallCountThreshold = threshold }));
        var result = await handler.CompareAreaAsync(new ClosedLoopAreaQuery(Area, StartMonth, Months));
        result.IsSuccess.ShouldBeTrue();
        return result.Value;
    }

    private static IEnumerable<CountFigure> Counts(ClosedLoopFigures figures) =>
        [figures.Sent, figures.AcknowledgedWithinDeadline, figures.CompletedWithFeedback, figures.Returned, .. figures.ReturnReasons.Select(r => r.Figure)];

    private static CountFigure Share(int count, int whole) => new(count, whole == 0 ? null : (decimal)count / whole);

    private static DateOnly FinnishDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Finland).DateTime);

    private static bool InTime(Referral r) => r.AcceptedAt is { } at && r.RespondBy is { } by && FinnishDay(at) <= by;

    /// <summary>The median of the working days from the day of sending to the day of acceptance, day by day.</summary>
    private static decimal? Median(IReadOnlyList<Referral> referrals)
    {
        var days = referrals.Where(r => r.AcceptedAt != null)
            .Select(r =>
            {
                var count = 0;
                for (var day = FinnishDay(r.SentAt).AddDays(1); day <= FinnishDay(r.AcceptedAt!.Value); day = day.AddDays(1))
                {
                    count += day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || !FinnishCalendar.IsWorkingDay(day) ? 0 : 1;
                }

                return count;
            })
            .Order()
            .ToList();
        return days.Count == 0 ? null
            : days.Count % 2 == 1 ? days[days.Count / 2]
            : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2m;
    }

    private sealed record Expectation(IReadOnlyList<(string Column, IReadOnlyList<Referral> Referrals)> Columns);

    private static Expectation Expected(IReadOnlyList<Referral> all)
    {
        var beforeFrom = StartMonth.AddMonths(-Months);
        var afterUntil = StartMonth.AddMonths(Months);
        bool Before(Referral r) => FinnishDay(r.SentAt) >= beforeFrom && FinnishDay(r.SentAt) < StartMonth;
        bool After(Referral r) => FinnishDay(r.SentAt) >= StartMonth && FinnishDay(r.SentAt) < afterUntil;
        bool InArea(Referral r) => Area.Contains(r.HomeMunicipalityCode);
        return new Expectation(
        [
            ("area before", all.Where(r => InArea(r) && Before(r)).ToList()),
            ("area after", all.Where(r => InArea(r) && After(r)).ToList()),
            ("rest before", all.Where(r => !InArea(r) && Before(r)).ToList()),
            ("rest after", all.Where(r => !InArea(r) && After(r)).ToList()),
        ]);
    }

    /// <summary>Every referral in the database (the demo's too), past row-level security and the tenant filter.</summary>
    private async Task<List<Referral>> AllReferralsAsync()
    {
        await using var scope = App.NewDbContextPastRowLevelSecurity(await App.FixedUserAsync(DemoDataSeeder.Coordinator));
        return await scope.Db.Referrals.AsNoTracking().IgnoreQueryFilters().ToListAsync();
    }

    /// <summary>Sends the referrals on days from two months before the period before to two months after the period after, and walks each.</summary>
    private async Task GenerateAsync(Random random)
    {
        var caseIds = new List<Guid>();
        await using (var handler = await App.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            foreach (var municipality in HomeMunicipalities)
            {
                caseIds.Add((await ProcessSteps.OpenAsync(handler, municipality)).Id);
            }
        }

        ICurrentUser sender = await App.FixedUserAsync(DemoDataSeeder.HandlerSouth);
        var referrals = new List<Referral>();
        await using (var scope = App.NewDbContextPastRowLevelSecurity(sender))
        {
            var cases = await scope.Db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync();
            var first = StartMonth.AddMonths(-Months - 2);
            var days = StartMonth.AddMonths(Months + 2).DayNumber - first.DayNumber;
            for (var i = 0; i < Referrals; i++)
            {
                referrals.Add(Walk(random, cases[random.Next(cases.Count)], sender.ToActor(), first.AddDays(random.Next(days))));
            }

            scope.Db.Referrals.AddRange(referrals);
            // The receivers' disclosures would be theirs to write (the tenant guard): the log is not what is tested here.
            foreach (var disclosure in scope.Db.ChangeTracker.Entries<Disclosure>().ToList())
            {
                disclosure.State = EntityState.Detached;
            }

            await scope.Db.SaveChangesAsync();
        }

        // Referrals sent before deadlines existed have none (never acknowledged within one).
        var withoutDeadline = referrals.Where(_ => random.Next(12) == 0).Select(r => r.Id).ToArray();
        await using var connection = new NpgsqlConnection(App.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE referrals SET respond_by = NULL WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", withoutDeadline);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One referral sent on <paramref name="sentOn"/>, then a few moves: accepted in time, late or never, then completed, returned or re-routed.</summary>
    private static Referral Walk(Random random, ClientCase clientCase, Actor sender, DateOnly sentOn)
    {
        var now = FinnishTime.StartOf(sentOn).AddSeconds(random.Next(7 * 3600, 17 * 3600));
        var ground = Pick(random, Enum.GetValues<ReferralGround>());
        var urgent = ground.KindOf() == ReferralKind.ApplicationTransfer && random.Next(3) == 0;
        var consent = random.Next(3) switch
        {
            0 => ConsentRecord.NotGiven,
            _ => ConsentRecord.GivenIn(Pick(random, Enum.GetValues<ConsentMethod>()), sentOn, random.Next(2) == 0),
        };
        var content = new ReferralContent(ground, consent, consent.CoversDescription ? "Tilanne: vuokrarästejä." : null, urgent);
        var referral = Referral.Send(Routing, clientCase, content, sender, sentOn, now, Deadlines(random, Routing.ReceiverFor(clientCase.HomeMunicipalityCode), ground))
            .Value;

        if (random.Next(8) == 0)
        {
            // To the wrong organiser: re-routed, perhaps into the area or out of it, and then walked on.
            now = now.AddHours(random.Next(1, 72));
            var home = ReferenceCatalog.Instance.FindMunicipality(Pick(random, RerouteMunicipalities))!;
            referral.Return(Routing, Worker(referral.ReceiverOrganisationId), ReturnReason.WrongOrganiser, null, home,
                Deadlines(random, Routing.ReceiverFor(home.Code), ground), DateOnly.FromDateTime(FinnishTime.ToFinnish(now).DateTime), now);
        }

        var worker = Worker(referral.ReceiverOrganisationId);
        switch (random.Next(10))
        {
            case 0:
                return referral; // Never opened.
            case 1:
                referral.MarkReceived(worker, now.AddHours(2));
                return referral; // Opened, never accepted.
            case 2:
                now = now.AddHours(random.Next(1, 200));
                var reason = Pick(random, ClosedLoopFigures.ClosingReturnReasons.ToArray());
                referral.Return(Routing, worker, reason, null, null, ReferralDeadlinePolicy.Default, DateOnly.FromDateTime(FinnishTime.ToFinnish(now).DateTime), now);
                return referral; // Returned without acceptance.
        }

        // Accepted, in time or late (up to three weeks), some near the Finnish midnight that ends the deadline.
        now = referral.RespondBy is { } by && random.Next(4) == 0
            ? FinnishTime.StartOf(by.AddDays(1)).AddMinutes(random.Next(-90, 90))
            : now.AddMinutes(random.Next(5, 21 * 24 * 60));
        now = now < referral.SentAt ? referral.SentAt.AddMinutes(1) : now;
        referral.Accept(worker, now);
        switch (random.Next(4))
        {
            case 0:
                return referral; // With the named worker.
            case 1:
                now = now.AddDays(random.Next(1, 20));
                referral.Return(Routing, worker, Pick(random, ClosedLoopFigures.ClosingReturnReasons.ToArray()), null, null,
                    ReferralDeadlinePolicy.Default, DateOnly.FromDateTime(FinnishTime.ToFinnish(now).DateTime), now);
                return referral;
            default:
                var outcome = Pick(random, Enum.GetValues<ReferralOutcome>());
                var plan = outcome == ReferralOutcome.AssessmentDone ? Pick(random, Enum.GetValues<PlanType>()) : (PlanType?)null;
                referral.Complete(worker, outcome, plan, null, now.AddDays(random.Next(1, 30)));
                return referral;
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>The receiver's own deadline for the ground: from the same working day to ten working days.</summary>
    private static ReferralDeadlinePolicy Deadlines(Random random, Guid receiver, ReferralGround ground) =>
        new([ReferralDeadlineSetting.Create(receiver, ground, random.Next(0, 11)).Value]);

    private static Actor Worker(Guid organisationId) => new(new Guid(organisationId.ToByteArray().Take(15).Append((byte)1).ToArray()), organisationId, "Työntekijä");
}

internal static class ComparisonColumns
{
    public static ClosedLoopFigures Column(this ClosedLoopComparison comparison, string column) => column switch
    {
        "area before" => comparison.AreaBefore,
        "area after" => comparison.AreaAfter,
        "rest before" => comparison.RestBefore,
        _ => comparison.RestAfter,
    };
}
