using CooperationModel.Application.Common;
using CooperationModel.Application.Meetings;
using CooperationModel.Domain.Meetings;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CooperationModel.IntegrationTests.Meetings;

/// <summary>
/// Joint meetings on PostgreSQL: the participants' users read a meeting and a non-participant does not find it (nor in the
/// list); a coordinator reads all; who changes it; a follow-up is marked done by its owner organisation only; a text with a
/// valid identity code is refused and nothing is saved.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class JointMeetingsTests(AppFixture app)
{
    private static readonly Guid South = DemoDataSeeder.HandlerSouth.OrganisationId;
    private static readonly Guid Helsinki = DemoDataSeeder.WorkerHelsinki.OrganisationId;
    private static readonly Guid Coordination = DemoDataSeeder.Coordinator.OrganisationId;
    private static readonly Guid HealthCare = DemoDataSeeder.HealthCareHelsinki.OrganisationId;

    [Fact]
    public async Task Participant_Reads_NonParticipant_FindsNothing_CoordinatorReadsAll()
    {
        var title = Unique("Yhteistapaaminen");
        var id = await RecordAsync(DemoDataSeeder.HandlerSouth, title, [South, Helsinki, HealthCare]);

        foreach (var reader in new[] { DemoDataSeeder.HandlerSouth, DemoDataSeeder.WorkerHelsinki, DemoDataSeeder.HealthCareHelsinki, DemoDataSeeder.Coordinator })
        {
            await using var scope = await app.AsUserAsync(reader);
            var meetings = scope.Get<IJointMeetings>();
            (await meetings.GetAsync(id)).Value.Title.ShouldBe(title, reader.Email);
            (await meetings.ListAsync(new MeetingFilter(), new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.Select(m => m.Id).ShouldContain(id, reader.Email);
        }

        foreach (var outsider in new[] { DemoDataSeeder.HandlerNorth, DemoDataSeeder.WorkerNorthOstrobothnia })
        {
            await using var scope = await app.AsUserAsync(outsider);
            var meetings = scope.Get<IJointMeetings>();
            (await meetings.GetAsync(id)).FirstError.Code.ShouldBe("Meeting.NotFound");
            (await meetings.ListAsync(new MeetingFilter(), new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.Select(m => m.Id).ShouldNotContain(id);
            (await meetings.ListAsync(new MeetingFilter(OrganisationId: Helsinki), new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.ShouldBeEmpty();
            (await meetings.SaveAsync(Command(title + " muutettu", [South, Helsinki, HealthCare]) with { MeetingId = id })).FirstError.Code.ShouldBe("Meeting.NotFound");
            (await meetings.AddFollowUpAsync(new AddFollowUpCommand(id, "Tehtävä", Helsinki, DateTime.Today))).FirstError.Code.ShouldBe("Meeting.NotFound");
        }

        // An unknown id is told exactly as a meeting one may not read.
        await using (var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            (await scope.Get<IJointMeetings>().GetAsync(Guid.NewGuid())).FirstError.Code.ShouldBe("Meeting.NotFound");
        }

        await using (var scope = await app.AsUserAsync(DemoDataSeeder.Coordinator))
        {
            var meetings = scope.Get<IJointMeetings>();
            var filtered = await meetings.ListAsync(new MeetingFilter(MeetingType.ThemeMeeting, Helsinki), new PageRequest(1, PageRequest.MaxPageSize));
            filtered.Value.Items.Select(m => m.Id).ShouldContain(id);
            filtered.Value.Items.ShouldAllBe(m => m.Type == MeetingType.ThemeMeeting && m.Participants.Any(p => p.Id == Helsinki));
            (await meetings.ListAsync(new MeetingFilter(MeetingType.ClientCouncil, Helsinki), new PageRequest(1, PageRequest.MaxPageSize))).Value.Items
                .Select(m => m.Id).ShouldNotContain(id);
            var all = (await meetings.ListAsync(new MeetingFilter(), new PageRequest(1, PageRequest.MaxPageSize))).Value.Items;
            all.Select(m => m.HeldAt).ShouldBeInOrder(SortDirection.Descending);
        }
    }

    [Fact]
    public async Task WhoChanges_ParticipantsRecordingRoles_AndCoordinators_NotTheReaders()
    {
        var title = Unique("Teematapaaminen");
        var id = await RecordAsync(DemoDataSeeder.WorkerHelsinki, title, [South, Helsinki, HealthCare]);

        await using (var scope = await app.AsUserAsync(DemoDataSeeder.HealthCareHelsinki))
        {
            var meetings = scope.Get<IJointMeetings>();
            (await meetings.GetAsync(id)).Value.Access.ShouldBe(MeetingAccess.Reader);
            (await meetings.SaveAsync(Command(title + " A", [South, Helsinki, HealthCare]) with { MeetingId = id })).FirstError.Code.ShouldBe("Meeting.ReadOnly");
            (await meetings.AddFollowUpAsync(new AddFollowUpCommand(id, "Tehtävä", HealthCare, DateTime.Today))).FirstError.Code.ShouldBe("Meeting.ReadOnly");
            (await meetings.SaveAsync(Command(Unique("Uusi"), [South, HealthCare]))).FirstError.Code.ShouldBe("Meeting.ReadOnly");
        }

        foreach (var (changer, suffix) in new[] { (DemoDataSeeder.AdminHelsinki, " B"), (DemoDataSeeder.HandlerSouth, " C"), (DemoDataSeeder.Coordinator, " D") })
        {
            await using var scope = await app.AsUserAsync(changer);
            var meetings = scope.Get<IJointMeetings>();
            (await meetings.SaveAsync(Command(title + suffix, [South, Helsinki, HealthCare]) with { MeetingId = id })).IsSuccess.ShouldBeTrue(changer.Email);
            var read = (await meetings.GetAsync(id)).Value;
            read.Title.ShouldBe(title + suffix);
            read.ChangedByName.ShouldBe(changer.DisplayName);
        }

        // A handler does not record a meeting without their own district, nor take it out of one.
        await using (var scope = await app.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            var meetings = scope.Get<IJointMeetings>();
            (await meetings.SaveAsync(Command(Unique("Ilman piiriä"), [Helsinki, Coordination]))).FirstError.Code.ShouldBe("Meeting.OwnOrganisationMustTakePart");
            (await meetings.SaveAsync(Command(title, [Helsinki, Coordination]) with { MeetingId = id })).FirstError.Code.ShouldBe("Meeting.OwnOrganisationMustTakePart");
        }
    }

    [Fact]
    public async Task FollowUp_IsMarkedDone_ByItsOwnerOrganisationOnly_AndListedOverdueFirst()
    {
        var id = await RecordAsync(DemoDataSeeder.HandlerSouth, Unique("Työntekijäraati"), [South, Helsinki]);
        var today = TimeProvider.System.Today();
        await using (var scope = await app.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            var meetings = scope.Get<IJointMeetings>();
            (await meetings.AddFollowUpAsync(new AddFollowUpCommand(id, "Myöhässä oleva", Helsinki, today.AddDays(-1).ToDateTime(TimeOnly.MinValue)))).IsSuccess.ShouldBeTrue();
            (await meetings.AddFollowUpAsync(new AddFollowUpCommand(id, "Tänään erääntyvä", Helsinki, today.ToDateTime(TimeOnly.MinValue)))).IsSuccess.ShouldBeTrue();
            (await meetings.AddFollowUpAsync(new AddFollowUpCommand(id, "Pohjoisen tehtävä", DemoDataSeeder.WorkerNorthOstrobothnia.OrganisationId, DateTime.Today)))
                .FirstError.Code.ShouldBe("Meeting.FollowUpOwnerNotParticipant");
        }

        FollowUpRow overdue, dueToday;
        await using (var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            var open = (await scope.Get<IJointMeetings>().OpenFollowUpsAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items;
            open.Select(f => f.DueOn).ShouldBeInOrder(SortDirection.Ascending);
            overdue = open.Single(f => f.MeetingId == id && f.Text == "Myöhässä oleva");
            dueToday = open.Single(f => f.MeetingId == id && f.Text == "Tänään erääntyvä");
            overdue.State.ShouldBe(FollowUpState.Overdue);
            dueToday.State.ShouldBe(FollowUpState.Open);
            open.TakeWhile(f => f.State == FollowUpState.Overdue).Count().ShouldBe(open.Count(f => f.State == FollowUpState.Overdue));
        }

        await using (var scope = await app.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            var meetings = scope.Get<IJointMeetings>();
            (await meetings.GetAsync(id)).Value.FollowUps.ShouldAllBe(f => !f.MayComplete);
            (await meetings.CompleteFollowUpAsync(new MarkFollowUpCommand(id, overdue.Id))).FirstError.Code.ShouldBe("Meeting.FollowUpNotOwner");
            (await meetings.OpenFollowUpsAsync(new PageRequest())).Value.Items.Select(f => f.Id).ShouldNotContain(overdue.Id);
        }

        await using (var scope = await app.AsUserAsync(DemoDataSeeder.WorkerNorthOstrobothnia))
        {
            (await scope.Get<IJointMeetings>().CompleteFollowUpAsync(new MarkFollowUpCommand(id, overdue.Id))).FirstError.Code.ShouldBe("Meeting.NotFound");
        }

        // Any user of the owner organisation, whatever the role (the admin here), marks it.
        await using (var scope = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki))
        {
            var meetings = scope.Get<IJointMeetings>();
            (await meetings.CompleteFollowUpAsync(new MarkFollowUpCommand(id, overdue.Id))).IsSuccess.ShouldBeTrue();
            var done = (await meetings.GetAsync(id)).Value.FollowUps.Single(f => f.Id == overdue.Id);
            done.State.ShouldBe(FollowUpState.Done);
            done.DoneByName.ShouldBe(DemoDataSeeder.AdminHelsinki.DisplayName);
            (await meetings.OpenFollowUpsAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.Select(f => f.Id).ShouldNotContain(overdue.Id);
            (await meetings.ReopenFollowUpAsync(new MarkFollowUpCommand(id, overdue.Id))).IsSuccess.ShouldBeTrue();
            (await meetings.OpenFollowUpsAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.Select(f => f.Id).ShouldContain(overdue.Id);
        }

        await using (var scope = await app.AsUserAsync(DemoDataSeeder.Coordinator))
        {
            (await scope.Get<IJointMeetings>().CompleteFollowUpAsync(new MarkFollowUpCommand(id, dueToday.Id))).IsSuccess.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task IdentityCode_InAnyText_IsRefused_AndNothingSaved()
    {
        var title = Unique("Asiakasraati");
        await using var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var meetings = scope.Get<IJointMeetings>();
        var code = IdentityCodes.Next();
        var refused = await meetings.SaveAsync(Command(title, [South, Helsinki]) with { Minutes = $"Asiakas {code} kertoi kokemuksistaan" });
        refused.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("PersonalData.ContainsIdentityCode", "Minutes")]);
        (await meetings.SaveAsync(Command(title, [South, Helsinki]) with { Decisions = "Päätös\n" + code })).FirstError.Field.ShouldBe("Decisions");

        await using (var db = app.NewDbContext(await app.FixedUserAsync(DemoDataSeeder.WorkerHelsinki)))
        {
            (await db.Db.Meetings.CountAsync(m => m.Title == title)).ShouldBe(0);
        }

        var id = await RecordAsync(DemoDataSeeder.WorkerHelsinki, title, [South, Helsinki]);
        (await meetings.AddFollowUpAsync(new AddFollowUpCommand(id, "Soita " + code, Helsinki, DateTime.Today))).FirstError.Code.ShouldBe("PersonalData.ContainsIdentityCode");
        (await meetings.GetAsync(id)).Value.FollowUps.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pages_ShowTheMeetingToItsParticipants_AndNotFoundToAnyoneElse_FormsOnlyToThoseWhoChange()
    {
        var title = Unique("Teams-rinki");
        var id = await RecordAsync(DemoDataSeeder.HandlerSouth, title, [South, Helsinki, HealthCare]);

        var worker = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);
        var own = await worker.GetPageAsync($"/meetings/{id}");
        own.ShouldContain(title);
        own.ShouldContain("data-testid=\"follow-up-form\"");
        (await worker.GetPageAsync($"/meetings/{id}/minutes")).ShouldContain(title);
        (await worker.GetPageAsync("/meetings")).ShouldContain(title);

        var reader = await app.SignedInClientAsync(DemoDataSeeder.HealthCareHelsinki);
        var read = await reader.GetPageAsync($"/meetings/{id}");
        read.ShouldContain(title);
        read.ShouldNotContain("data-testid=\"follow-up-form\"");
        read.ShouldNotContain("data-testid=\"meeting-change\"");

        var other = await app.SignedInClientAsync(DemoDataSeeder.WorkerNorthOstrobothnia);
        foreach (var path in new[] { $"/meetings/{id}", $"/meetings/{id}/minutes" })
        {
            var hidden = await other.GetPageAsync(path);
            hidden.ShouldContain("data-testid=\"meeting-not-found\"");
            hidden.ShouldNotContain(title);
        }

        (await other.GetPageAsync("/meetings")).ShouldNotContain(title);
    }

    [Fact]
    public async Task MyOrganisationsMeetings_UseTheGinIndex_AndOpenFollowUpsThePartialIndex()
    {
        await using var scope = app.NewDbContext(await app.FixedUserAsync(DemoDataSeeder.WorkerHelsinki));
        var db = scope.Db;
        var meetings = db.Meetings.Where(JointMeetings.TakesPart(Helsinki)).OrderByDescending(m => m.HeldAt).Take(25).ToQueryString();
        // "@one <@ participant_organisation_ids": the commutator of @>, which the GIN index serves as well.
        meetings.ShouldContain("<@ j.participant_organisation_ids", customMessage: meetings);
        var followUps = db.MeetingFollowUps.Where(FollowUpStates.Open).Where(f => f.OwnerOrganisationId == Helsinki).OrderBy(f => f.DueOn).Take(25).ToQueryString();

        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // The test tables are small, so the planner prefers a scan: without one, the plan shows whether the index fits the query.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        (await PlanAsync(db, meetings)).ShouldContain("ix_joint_meetings_participant_organisation_ids");
        (await PlanAsync(db, followUps)).ShouldContain("ix_meeting_follow_ups_owner_open_due");
    }

    private static async Task<string> PlanAsync(Infrastructure.Persistence.AppDbContext db, string sql)
    {
        // ToQueryString declares the parameters first (-- @p='...'): run it as PostgreSQL would, with the values inlined.
        var lines = sql.Split('\n');
        var values = lines.TakeWhile(l => l.StartsWith("-- @", StringComparison.Ordinal))
            .Select(l => l[3..].Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Split(" (", 2)[0].Trim());
        var body = string.Join('\n', lines.SkipWhile(l => l.StartsWith("-- @", StringComparison.Ordinal) || l.Length == 0));
        foreach (var (name, value) in values.OrderByDescending(v => v.Key.Length))
        {
            body = body.Replace(name, value.StartsWith('{') ? $"ARRAY[{value.Trim('{', '}', ' ')}]::uuid[]" : value, StringComparison.Ordinal);
        }

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = "EXPLAIN " + body;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join('\n', plan);
    }

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    private static SaveMeetingCommand Command(string title, IReadOnlyList<Guid> participants) =>
        new(null, DateTime.Today.AddDays(-3), "13.30", MeetingType.ThemeMeeting, participants, title, "1. Asunnottomuus", "Käytiin läpi asumisneuvonta.", "Yhteinen ohje\nSeuraava tapaaminen keväällä");

    private async Task<Guid> RecordAsync(DemoUser by, string title, IReadOnlyList<Guid> participants)
    {
        await using var scope = await app.AsUserAsync(by);
        var recorded = await scope.Get<IJointMeetings>().SaveAsync(Command(title, participants));
        recorded.IsSuccess.ShouldBeTrue(string.Join(", ", recorded.Errors.Select(e => e.Code)));
        return recorded.Value;
    }
}
