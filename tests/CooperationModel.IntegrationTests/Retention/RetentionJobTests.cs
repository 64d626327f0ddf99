using CooperationModel.Application.Common;
using CooperationModel.Application.Retention;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Messages;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Messages;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Retention;

/// <summary>An app and database of their own: a run past the periods anonymises every tenant's old data.</summary>
public sealed class RetentionApp : IAsyncLifetime
{
    public AppFixture App { get; } = AppFixture.With(new Dictionary<string, string>());

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// The retention job with a moved clock: records are made now and the job runs years later (the default periods: a
/// case 10 years after its last event, a referral 12 years after it was closed, a notification 365 days). Checked past
/// the app, with the owner's connection: what expired holds no personal data, the statistics stay, and each record
/// has one access log entry in the log of the organisation that removed it.
/// </summary>
public sealed class RetentionJobTests(RetentionApp fixture) : IClassFixture<RetentionApp>
{
    private static readonly Guid Southern = ReferralLoopSteps.Southern;
    private static readonly Guid Helsinki = ReferralLoopSteps.CityOfHelsinki;

    private readonly AppFixture _app = fixture.App;

    [Fact]
    public async Task Run_PastThePeriods_AnonymisesClosedReferralAndCase_RemovesMessagesAndNotifications_LogsEachOnce()
    {
        var steps = new ReferralLoopSteps(_app);
        var messages = new MessageSteps(_app);
        var closed = await steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await steps.InAssessmentAsync(closed.ReferralId);
        var messageId = await messages.PostOkAsync(
            DemoDataSeeder.HandlerSouth, closed.ReferralId, Helsinki, "Asiakas soitti.", new AttachmentUpload("liite.png", MessageSteps.Png));
        await steps.CompleteAsync(closed.ReferralId, note: $"Tavattiin {closed.ClientName}.");
        var open = await steps.SendAsync(DemoDataSeeder.HandlerSouth);
        var realHash = Hash(closed.IdentityCode);
        var attachmentId = await ScalarAsync<Guid>("SELECT id FROM message_attachments WHERE message_id = @id", messageId);
        (await ScalarAsync<long>("SELECT count(*) FROM notifications WHERE referral_id = @id", closed.ReferralId)).ShouldBeGreaterThan(0);

        var report = await RunAsync(DateTimeOffset.UtcNow.AddYears(13));

        report.Ran.ShouldBeTrue();
        var referral = await ReferralRowAsync(closed.ReferralId);
        referral.ClientName.ShouldBe(ClientCase.AnonymisedName);
        referral.Description.ShouldBeNull();
        referral.ClosingNote.ShouldBeNull();
        referral.Hash.ShouldNotBe(realHash);
        referral.Outcome.ShouldNotBeNull();
        referral.CompletedAt.ShouldNotBeNull();
        referral.Municipality.ShouldBe(ProcessSteps.Helsinki);
        var clientCase = await CaseRowAsync(closed.CaseId);
        clientCase.ClientName.ShouldBe(ClientCase.AnonymisedName);
        clientCase.Hash.ShouldNotBe(realHash);
        clientCase.Municipality.ShouldBe(ProcessSteps.Helsinki);
        (await ScalarAsync<long>("SELECT count(*) FROM case_events WHERE case_id = @id", closed.CaseId)).ShouldBeGreaterThan(0);
        (await ScalarAsync<long>("SELECT count(*) FROM referral_messages WHERE referral_id = @id", closed.ReferralId)).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM message_attachments WHERE id = @id", attachmentId)).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM notifications WHERE referral_id = @id", closed.ReferralId)).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM referrals WHERE client_identity_code_hash = @id", realHash)).ShouldBe(0, "the client cannot be found");
        (await ScalarAsync<long>("SELECT count(*) FROM cases WHERE identity_code_hash = @id", realHash)).ShouldBe(0, "the client cannot be found");

        // The open referral keeps its client, and keeps its case from expiring.
        (await ReferralRowAsync(open.ReferralId)).ClientName.ShouldBe(open.ClientName);
        (await CaseRowAsync(open.CaseId)).ClientName.ShouldBe(open.ClientName);

        await ShouldBeLoggedOnceAsync(Helsinki, AccessRecordType.Referral, closed.ReferralId, AccessAction.Anonymise, realHash);
        await ShouldBeLoggedOnceAsync(Southern, AccessRecordType.Case, closed.CaseId, AccessAction.Anonymise, realHash);
        await ShouldBeLoggedOnceAsync(Helsinki, AccessRecordType.Message, messageId, AccessAction.Remove, realHash);
        await ShouldBeLoggedOnceAsync(Helsinki, AccessRecordType.Attachment, attachmentId, AccessAction.Remove, realHash);
        (await EntriesAsync(Southern, open.ReferralId)).ShouldBeEmpty();
        (await EntriesAsync(Helsinki, open.ReferralId)).ShouldBeEmpty();

        var again = await RunAsync(DateTimeOffset.UtcNow.AddYears(13));

        again.ShouldBe(new RetentionReport(true, 0, 0, 0, 0, 0));
        (await EntriesAsync(Helsinki, closed.ReferralId)).Count.ShouldBe(1);
        (await EntriesAsync(Southern, closed.CaseId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Run_BeforeTheReferralPeriod_AnonymisesTheCaseOnly()
    {
        var steps = new ReferralLoopSteps(_app);
        var closed = await steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await steps.InAssessmentAsync(closed.ReferralId);
        await steps.CompleteAsync(closed.ReferralId, note: "Palvelutarve arvioitu.");

        await RunAsync(DateTimeOffset.UtcNow.AddYears(11));

        var referral = await ReferralRowAsync(closed.ReferralId);
        referral.ClientName.ShouldBe(closed.ClientName);
        referral.Hash.ShouldBe(Hash(closed.IdentityCode));
        referral.ClosingNote.ShouldNotBeNull();
        (await EntriesAsync(Helsinki, closed.ReferralId)).Where(e => e.Purpose == AccessPurpose.LegalDuty).ShouldBeEmpty();
        (await CaseRowAsync(closed.CaseId)).ClientName.ShouldBe(ClientCase.AnonymisedName);
        await ShouldBeLoggedOnceAsync(Southern, AccessRecordType.Case, closed.CaseId, AccessAction.Anonymise, Hash(closed.IdentityCode));
    }

    [Fact]
    public async Task Run_BeforeAnyPeriod_ChangesNothing()
    {
        var steps = new ReferralLoopSteps(_app);
        var closed = await steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await steps.InAssessmentAsync(closed.ReferralId);
        await steps.CompleteAsync(closed.ReferralId);

        await RunAsync(DateTimeOffset.UtcNow.AddYears(9));

        (await ReferralRowAsync(closed.ReferralId)).ClientName.ShouldBe(closed.ClientName);
        (await CaseRowAsync(closed.CaseId)).ClientName.ShouldBe(closed.ClientName);
        (await ScalarAsync<long>("SELECT count(*) FROM notifications WHERE referral_id = @id", closed.ReferralId)).ShouldBe(0, "a notification's year is over");
        (await EntriesAsync(Southern, closed.CaseId)).ShouldBeEmpty();
    }

    private async Task<RetentionReport> RunAsync(DateTimeOffset at) =>
        await _app.Factory.Services.GetRequiredService<IRetentionJob>().RunOnceAsync(at);

    private string Hash(string identityCode) =>
        _app.Factory.Services.GetRequiredService<IIdentityCodeHasher>().Hash(PersonalIdentityCode.Parse(identityCode).Value);

    private async Task ShouldBeLoggedOnceAsync(Guid organisationId, AccessRecordType type, Guid recordId, AccessAction action, string clientKey)
    {
        var entry = (await EntriesAsync(organisationId, recordId)).ShouldHaveSingleItem();
        entry.RecordType.ShouldBe(type);
        entry.Action.ShouldBe(action);
        entry.Purpose.ShouldBe(AccessPurpose.LegalDuty);
        entry.Result.ShouldBe(AccessResult.Allowed);
        entry.UserId.ShouldBeNull();
        entry.UserName.ShouldBe("system");
        entry.ClientKey.ShouldBe(clientKey);
        entry.Detail.ShouldNotBeNull().ShouldStartWith("Retention:");
    }

    /// <summary>The job's entries of a record (the users' own views and changes of it are logged too).</summary>
    private async Task<List<AccessLogEntry>> EntriesAsync(Guid organisationId, Guid recordId)
    {
        await using var scope = _app.NewDbContextPastRowLevelSecurity(FixedUser.System(organisationId));
        return await scope.Db.AccessLog.Where(e => e.RecordId == recordId && e.Purpose == AccessPurpose.LegalDuty).ToListAsync();
    }

    private async Task<ReferralRow> ReferralRowAsync(Guid id)
    {
        await using var connection = await OpenAsync();
        await using var select = new NpgsqlCommand(
            "SELECT client_name, situation_description, closing_note, client_identity_code_hash, outcome, completed_at, home_municipality_code FROM referrals WHERE id = @id",
            connection);
        select.Parameters.AddWithValue("id", id);
        await using var reader = await select.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return new ReferralRow(
            reader.GetString(0), Nullable(reader, 1), Nullable(reader, 2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetValue(4), reader.IsDBNull(5) ? null : reader.GetValue(5), reader.GetString(6));
    }

    private async Task<CaseRow> CaseRowAsync(Guid id)
    {
        await using var connection = await OpenAsync();
        await using var select = new NpgsqlCommand("SELECT client_name, survey, identity_code_hash, home_municipality_code FROM cases WHERE id = @id", connection);
        select.Parameters.AddWithValue("id", id);
        await using var reader = await select.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return new CaseRow(reader.GetString(0), Nullable(reader, 1), reader.GetString(2), reader.GetString(3));
    }

    private async Task<T> ScalarAsync<T>(string sql, object id)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_app.OwnerConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static string? Nullable(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetValue(column).ToString();

    private sealed record ReferralRow(string ClientName, string? Description, string? ClosingNote, string Hash, object? Outcome, object? CompletedAt, string Municipality);

    private sealed record CaseRow(string ClientName, string? Survey, string Hash, string Municipality);
}
