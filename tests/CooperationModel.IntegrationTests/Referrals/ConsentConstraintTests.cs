using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Protection;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>Without the client's consent a referral carries no situation description: the use case and the database refuse it.</summary>
[Collection(AppCollection.Name)]
public sealed class ConsentConstraintTests(AppFixture app)
{
    private const string ConstraintName = "ck_referrals_description_requires_consent";

    [Fact]
    public async Task UpdateReferral_ConsentNotCoveringTheDescription_DatabaseRefuses()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var connection = await OpenAsync();
        await using var update = new NpgsqlCommand(
            "UPDATE referrals SET consent_covers_description = false WHERE id = @id", connection);
        update.Parameters.AddWithValue("id", sent.ReferralId);

        var error = await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        error.ConstraintName.ShouldBe(ConstraintName);
        (await DescriptionOfAsync(connection, sent.ReferralId)).ShouldBe(sent.Description);
    }

    [Fact]
    public async Task UpdateReferral_ConsentWithdrawnButRecordKept_DatabaseRefuses()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var connection = await OpenAsync();
        await using var update = new NpgsqlCommand(
            "UPDATE referrals SET consent_given = false, situation_description = NULL WHERE id = @id", connection);
        update.Parameters.AddWithValue("id", sent.ReferralId);

        var error = await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        error.ConstraintName.ShouldBe("ck_referrals_consent_record_requires_consent");
    }

    [Fact]
    public async Task UpdateReferral_ConsentWithdrawnAndEverythingItCoveredRemoved_DatabaseAccepts()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var connection = await OpenAsync();
        await using var update = new NpgsqlCommand(
            """
            UPDATE referrals SET consent_given = false, situation_description = NULL, consent_covers_description = false,
                consent_covers_feedback = false, consent_method = NULL, consent_given_on = NULL
            WHERE id = @id
            """,
            connection);
        update.Parameters.AddWithValue("id", sent.ReferralId);

        (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        (await DescriptionOfAsync(connection, sent.ReferralId)).ShouldBeNull();
    }

    [Fact]
    public async Task InsertReferral_DescriptionWithoutConsent_DatabaseRefuses()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var connection = await OpenAsync();
        var newId = Guid.NewGuid();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO referrals (id, case_id, sender_organisation_id, receiver_organisation_id, ground, consent_given,
                situation_description, client_name, client_identity_code, home_municipality_code, status, sent_at,
                sent_by_user_id, sent_by_name)
            SELECT @newId, case_id, sender_organisation_id, receiver_organisation_id, ground, false,
                'x', client_name, client_identity_code, home_municipality_code, status, sent_at,
                sent_by_user_id, sent_by_name
            FROM referrals WHERE id = @id
            """,
            connection);
        insert.Parameters.AddWithValue("newId", newId);
        insert.Parameters.AddWithValue("id", sent.ReferralId);

        var error = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        error.ConstraintName.ShouldBe(ConstraintName);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM referrals WHERE id = @newId", connection);
        count.Parameters.AddWithValue("newId", newId);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task SendReferral_DescriptionWithoutConsent_ValidationErrorAndNothingStored()
    {
        var caseId = await OpenCaseAsync();
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var result = await handler.Get<ISendReferralHandler>().HandleAsync(
            Sending.Command(caseId, ReferralGround.ClientRequestsAssessment, consent: false, "Kuvaus ilman suostumusta"));

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.ShouldBeOfType<ValidationError>().Code.ShouldBe("Referral.DescriptionForbiddenWithoutConsent");
        (await ReferralCountOfCaseAsync(caseId)).ShouldBe(0);
    }

    [Fact]
    public async Task SendReferral_ConsentWithoutDescription_ValidationErrorAndNothingStored()
    {
        var caseId = await OpenCaseAsync();
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var result = await handler.Get<ISendReferralHandler>().HandleAsync(
            Sending.Command(caseId, ReferralGround.ClientRequestsAssessment, consent: true, "   "));

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.ShouldBeOfType<ValidationError>().Code.ShouldBe("Referral.DescriptionRequiredWithConsent");
        (await ReferralCountOfCaseAsync(caseId)).ShouldBe(0);
    }

    [Fact]
    public async Task SendReferral_NoConsentNoDescription_StoredWithoutDescription()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091", consentGiven: false);
        await using var connection = await OpenAsync();

        (await DescriptionOfAsync(connection, sent.ReferralId)).ShouldBeNull();
        (await ReferralCountOfCaseAsync(sent.CaseId)).ShouldBe(1);
    }

    private async Task<Guid> OpenCaseAsync()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var name = $"Suostumus Testi {Guid.NewGuid():N}"[..30];
        var opened = await handler.Get<IOpenCaseHandler>().HandleAsync(new OpenCaseCommand(name, IdentityCodes.Next(), "091"));
        return opened.Value;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<long> ReferralCountOfCaseAsync(Guid caseId)
    {
        await using var connection = await OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM referrals WHERE case_id = @caseId", connection);
        count.Parameters.AddWithValue("caseId", caseId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The stored description, decrypted with the app's keys (it is encrypted at rest).</summary>
    private async Task<string?> DescriptionOfAsync(NpgsqlConnection connection, Guid referralId)
    {
        await using var select = new NpgsqlCommand("SELECT situation_description FROM referrals WHERE id = @id", connection);
        select.Parameters.AddWithValue("id", referralId);
        var value = await select.ExecuteScalarAsync();
        return value is DBNull ? null : app.Factory.Services.GetRequiredService<PersonalDataProtector>().Unprotect((string)value!);
    }
}
