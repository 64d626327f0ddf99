using CooperationModel.Domain.AccessLog;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence.Interceptors;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CooperationModel.IntegrationTests.Security;

/// <summary>
/// The third lock: PostgreSQL's row-level security. Raw SQL on the app's own connection, with the EF Core filters out
/// of the way, still sees only the signed-in organisation's rows; and the app's role can neither bypass it nor change
/// the logs.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RowLevelSecurityTests(AppFixture app)
{
    /// <summary>Every table that holds client data, or a log of it, and the tenant-owned feedback on the model.</summary>
    private static readonly string[] ClientTables =
    [
        "cases", "case_events", "guidance_contacts", "referrals", "referral_events", "referral_forwards",
        "referral_messages", "message_attachments", "disclosures", "notifications", "access_log", "model_feedback",
    ];

    [Fact]
    public async Task RawSql_AppConnectionWithFiltersOff_SeesOnlyItsOwnTenantsRows()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");

        // The sender sees the case and the referral; the receiver the referral but not Kela's case.
        (await IdsAsync(DemoDataSeeder.HandlerSouth, "cases")).ShouldContain(sent.CaseId);
        (await IdsAsync(DemoDataSeeder.HandlerSouth, "referrals")).ShouldContain(sent.ReferralId);
        (await IdsAsync(DemoDataSeeder.WorkerHelsinki, "referrals")).ShouldContain(sent.ReferralId);
        (await IdsAsync(DemoDataSeeder.WorkerHelsinki, "cases")).ShouldNotContain(sent.CaseId);

        // Another district and another organiser see neither, whatever the SQL asks for.
        foreach (var outsider in new[] { DemoDataSeeder.HandlerNorth, DemoDataSeeder.WorkerNorthOstrobothnia, DemoDataSeeder.Coordinator })
        {
            (await IdsAsync(outsider, "cases")).ShouldNotContain(sent.CaseId, outsider.Email);
            (await IdsAsync(outsider, "referrals")).ShouldNotContain(sent.ReferralId, outsider.Email);
            (await IdsOfReferralAsync(outsider, "referral_events", sent.ReferralId)).ShouldBeEmpty(outsider.Email);
            (await IdsOfReferralAsync(outsider, "disclosures", sent.ReferralId)).ShouldBeEmpty(outsider.Email);
            (await IdsOfReferralAsync(outsider, "notifications", sent.ReferralId)).ShouldBeEmpty(outsider.Email);
        }

        // The same through EF with every filter switched off.
        await using var north = app.NewDbContext(await app.FixedUserAsync(DemoDataSeeder.HandlerNorth));
        (await north.Db.Cases.IgnoreQueryFilters().AnyAsync(c => c.Id == sent.CaseId)).ShouldBeFalse();
        (await north.Db.Referrals.IgnoreQueryFilters().AnyAsync(r => r.Id == sent.ReferralId)).ShouldBeFalse();
    }

    [Fact]
    public async Task RawSql_NobodySignedIn_SeesNoClientRows()
    {
        await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var scope = app.NewDbContext(FixedUser.Anonymous);

        foreach (var table in ClientTables)
        {
            (await CountAsync(scope.Db, table)).ShouldBe(0, table);
        }
    }

    [Fact]
    public async Task Insert_CaseOfAnotherDistrictOnTheAppConnection_RefusedByThePolicy()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var scope = app.NewDbContext(await app.FixedUserAsync(DemoDataSeeder.HandlerNorth));
        var southern = await SouthernOrganisationAsync();

        var error = await Should.ThrowAsync<PostgresException>(() => scope.Db.Database.ExecuteSqlAsync(
            $"INSERT INTO case_events (id, case_id, organisation_id, at, actor_user_id, actor_name, kind) SELECT gen_random_uuid(), {sent.CaseId}, {southern}, now(), gen_random_uuid(), 'x', 'Opened'"));

        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task AccessLog_UpdateOrDeleteOnTheAppConnection_Refused()
    {
        var helsinki = await app.FixedUserAsync(DemoDataSeeder.WorkerHelsinki);
        await using var scope = app.NewDbContext(helsinki);
        var entry = AccessLogEntry.Create(
            DateTimeOffset.UtcNow, new AccessLogUser(helsinki.OrganisationId, helsinki.UserId, helsinki.DisplayName, helsinki.Role),
            AccessRecordType.Referral, Guid.NewGuid(), clientKey: null, AccessAction.View, AccessPurpose.ClientRelationship);
        scope.Db.AccessLog.Add(entry);
        await scope.Db.SaveChangesAsync();

        // The app may write and read its own entries, never change or remove one: not through EF, not with SQL.
        (await scope.Db.AccessLog.CountAsync(e => e.Id == entry.Id)).ShouldBe(1);
        var update = await Should.ThrowAsync<PostgresException>(
            () => scope.Db.Database.ExecuteSqlAsync($"UPDATE access_log SET user_name = 'someone else' WHERE id = {entry.Id}"));
        update.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        var delete = await Should.ThrowAsync<PostgresException>(
            () => scope.Db.Database.ExecuteSqlAsync($"DELETE FROM access_log WHERE id = {entry.Id}"));
        delete.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        var disclosures = await Should.ThrowAsync<PostgresException>(
            () => scope.Db.Database.ExecuteSqlAsync($"DELETE FROM disclosures WHERE to_organisation_id = {helsinki.OrganisationId}"));
        disclosures.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task Roles_AppRoleOwnsNothingAndCannotBypass_EveryClientTableHasPolicies()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using (var role = new NpgsqlCommand(
            "SELECT rolsuper, rolbypassrls, (SELECT count(*) FROM pg_tables WHERE tableowner = current_user) FROM pg_roles WHERE rolname = current_user",
            connection))
        await using (var reader = await role.ExecuteReaderAsync())
        {
            (await reader.ReadAsync()).ShouldBeTrue();
            reader.GetBoolean(0).ShouldBeFalse("the app's role is a superuser");
            reader.GetBoolean(1).ShouldBeFalse("the app's role bypasses row-level security");
            reader.GetInt64(2).ShouldBe(0, "the app's role owns tables, and an owner is not held by row-level security");
        }

        await using var tables = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity",
            connection);
        var protectedTables = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                protectedTables.Add(reader.GetString(0));
            }
        }

        protectedTables.ShouldBeSubsetOf(ClientTables);
        ClientTables.ShouldBeSubsetOf(protectedTables);
    }

    private async Task<List<Guid>> IdsAsync(DemoUser user, string table)
    {
        await using var scope = app.NewDbContext(await app.FixedUserAsync(user));
#pragma warning disable EF1002, EF1003 // The table name is one of this class's constants.
        return await scope.Db.Database.SqlQueryRaw<Guid>($"SELECT id AS \"Value\" FROM {table}").ToListAsync();
#pragma warning restore EF1002, EF1003
    }

    private async Task<List<Guid>> IdsOfReferralAsync(DemoUser user, string table, Guid referralId)
    {
        await using var scope = app.NewDbContext(await app.FixedUserAsync(user));
#pragma warning disable EF1002, EF1003 // The table name is one of this class's constants.
        return await scope.Db.Database.SqlQueryRaw<Guid>($"SELECT id AS \"Value\" FROM {table} WHERE referral_id = @p0", referralId).ToListAsync();
#pragma warning restore EF1002, EF1003
    }

    private static async Task<long> CountAsync(DbContext db, string table)
    {
#pragma warning disable EF1002, EF1003 // The table name is one of this class's constants.
        return await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM {table}").SingleAsync();
#pragma warning restore EF1002, EF1003
    }

    private async Task<Guid> SouthernOrganisationAsync()
    {
        await using var scope = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        return scope.User.OrganisationId;
    }

    /// <summary>The setting the policies read is the one the interceptor sets.</summary>
    [Fact]
    public void Setting_PoliciesAndInterceptor_AgreeOnTheName() =>
        TenantSessionInterceptor.Setting.ShouldBe("app.organisation_id");
}
