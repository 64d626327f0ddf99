using System.Net;
using CooperationModel.Application.Referrals.DeadlineSettings;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Identity;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Npgsql;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// An organiser's admin sets its deadlines per ground, in working days; referrals sent from then on are due by them.
/// Päijät-Häme (organiser 09, Lahti) is set only by these tests, so the rest of the suite keeps the defaults.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeadlineSettingsTests(AppFixture app)
{
    private const string Lahti = "398";
    private static readonly Guid PaijatHame = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "09");

    private readonly ReferralLoopSteps _steps = new(app);
    private readonly ProcessSteps _process = new(app);

    [Fact]
    public async Task SetAsync_SameDay_NewReferralsOnThatGroundDueTheSameWorkingDay()
    {
        await using var admin = await NewAdminAsync(PaijatHame);
        var settings = admin.Get<IDeadlineSettingsHandler>();

        (await settings.SetAsync([new SetDeadlineCommand(ReferralGround.ObviousNeedForSocialCare, 0)])).ShouldSucceed();

        var rows = (await settings.GetAsync()).Value;
        rows.Count.ShouldBe(ReferralGrounds.All.Count);
        rows.Single(r => r.Ground == ReferralGround.ObviousNeedForSocialCare).ShouldBe(new DeadlineSettingRow(ReferralGround.ObviousNeedForSocialCare, 0, IsDefault: false));
        var sameDay = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, Lahti);
        (await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sameDay.ReferralId)).RespondBy
            .ShouldBe(FinnishCalendar.NextWorkingDayOnOrAfter(_process.Today));
    }

    [Fact]
    public async Task SetAsync_ManyGrounds_OneSaveAndOtherGroundsKeepTheDefault()
    {
        await using var admin = await NewAdminAsync(PaijatHame);
        var settings = admin.Get<IDeadlineSettingsHandler>();

        (await settings.SetAsync(
        [
            new SetDeadlineCommand(ReferralGround.ImmigrantOverTwoMonths, 12),
            new SetDeadlineCommand(ReferralGround.BasicAmountReduced, 3),
        ])).ShouldSucceed();
        (await settings.SetAsync([new SetDeadlineCommand(ReferralGround.ImmigrantOverTwoMonths, 14)])).ShouldSucceed();

        var rows = (await settings.GetAsync()).Value.ToDictionary(r => r.Ground);
        rows[ReferralGround.ImmigrantOverTwoMonths].AcceptWithinWorkingDays.ShouldBe(14);
        rows[ReferralGround.BasicAmountReduced].AcceptWithinWorkingDays.ShouldBe(3);
        rows[ReferralGround.ClientRequestsAssessment].ShouldBe(
            new DeadlineSettingRow(ReferralGround.ClientRequestsAssessment, ReferralDeadlinePolicy.DefaultWorkingDays, IsDefault: true));
        // Only the admin's own organisation got rows.
        (await StoredSettingsAsync(PaijatHame)).ShouldContain(ReferralGround.ImmigrantOverTwoMonths.ToString());
        (await StoredSettingsAsync(ReferralLoopSteps.CityOfHelsinki)).ShouldNotContain(ReferralGround.ImmigrantOverTwoMonths.ToString());
    }

    [Fact]
    public async Task SetAsync_OutOfRange_RefusedNamingTheGroundAndNothingSaved()
    {
        await using var admin = await NewAdminAsync(PaijatHame);
        var settings = admin.Get<IDeadlineSettingsHandler>();
        var before = (await settings.GetAsync()).Value;

        var result = await settings.SetAsync(
        [
            new SetDeadlineCommand(ReferralGround.UnemployedUnder25FourMonths, 5),
            new SetDeadlineCommand(ReferralGround.Unemployed25OrOverTwelveMonths, ReferralDeadlineSetting.MaxWorkingDays + 1),
        ]);

        result.ShouldFailWith<ValidationError>(ReferralDeadlineSetting.Errors.OutOfRange.Code).Field.ShouldBe(nameof(ReferralGround.Unemployed25OrOverTwelveMonths));
        (await settings.SetAsync([new SetDeadlineCommand(ReferralGround.UnemployedUnder25FourMonths, -1)]))
            .ShouldFailWith<ValidationError>(ReferralDeadlineSetting.Errors.OutOfRange.Code);
        (await settings.SetAsync([new SetDeadlineCommand(null, 3)])).ShouldFailWith<ValidationError>(SetDeadlineValidator.GroundRequired);
        (await settings.GetAsync()).Value.ShouldBe(before);
    }

    [Fact]
    public async Task DeadlineSettings_OnlyAnOrganisersAdmin()
    {
        var command = new SetDeadlineCommand(ReferralGround.ObviousNeedForSocialCare, 1);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        await using var kelaAdmin = await NewAdminAsync(DemoDataSeeder.HandlerSouth.OrganisationId);
        await using var healthCareAdmin = await NewAdminAsync(Organisation.IdFor(OrganisationKind.HealthCare, "09"));

        (await worker.Get<IDeadlineSettingsHandler>().SetAsync([command])).ShouldFailWith<ForbiddenError>("Common.WrongRole");
        (await worker.Get<IDeadlineSettingsHandler>().GetAsync()).ShouldFailWith<ForbiddenError>("Common.WrongRole");
        (await handler.Get<IDeadlineSettingsHandler>().SetAsync([command])).ShouldFailWith<ForbiddenError>("Common.WrongRole");
        (await kelaAdmin.Get<IDeadlineSettingsHandler>().SetAsync([command])).ShouldFailWith<ForbiddenError>(DeadlineSettingsHandler.NotAnOrganiser.Code);
        (await healthCareAdmin.Get<IDeadlineSettingsHandler>().GetAsync()).ShouldFailWith<ForbiddenError>(DeadlineSettingsHandler.NotAnOrganiser.Code);
        (await StoredSettingsAsync(DemoDataSeeder.HandlerSouth.OrganisationId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeadlinesPage_AdminSeesEveryGround_KelaAdminAnExplanation_WorkerNoAccess()
    {
        // Admins enrol for two-factor sign-in first (new ones: the demo admin stays as seeded for the other tests).
        var adminUser = await app.NewAdminAsync();
        var admin = await app.SignedInClientAsync(adminUser.Email!, TwoFactorSteps.Password);
        await admin.EnrolAsync();
        var kelaAdminUser = await app.CreateUserAsync("Kela Pääkäyttäjä", DemoDataSeeder.HandlerSouth.OrganisationId, UserRole.OrganisationAdmin, ProcessSteps.Password);
        var kelaAdmin = await app.SignedInClientAsync(kelaAdminUser.Email!, ProcessSteps.Password);
        await kelaAdmin.EnrolAsync();
        var worker = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var page = await admin.GetPageAsync("/settings/deadlines");
        var explanation = await kelaAdmin.GetPageAsync("/settings/deadlines");
        var denied = await worker.GetAsync("/settings/deadlines");

        page.ShouldContain("Ilmoitusten vastaanoton määräajat");
        page.Split("data-testid=\"deadline-row\"").Length.ShouldBe(ReferralGrounds.All.Count + 1);
        page.ShouldContain("Kiireellinen hakemuksen siirto on aina otettava työn alle samana arkipäivänä");
        explanation.ShouldContain("data-testid=\"deadlines-not-organiser\"");
        explanation.ShouldNotContain("data-testid=\"deadline-row\"");
        denied.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Forbidden);
    }

    private async Task<UserScope> NewAdminAsync(Guid organisationId)
    {
        var user = await app.CreateUserAsync($"Pääkäyttäjä {Guid.NewGuid():N}"[..20], organisationId, UserRole.OrganisationAdmin, ProcessSteps.Password);
        return await app.AsUserAsync(user.Email!);
    }

    /// <summary>The grounds an organisation has settings for, as stored.</summary>
    private async Task<List<string>> StoredSettingsAsync(Guid organisationId)
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT ground FROM referral_deadline_settings WHERE organisation_id = @id", connection);
        query.Parameters.AddWithValue("id", organisationId);
        await using var reader = await query.ExecuteReaderAsync();
        var grounds = new List<string>();
        while (await reader.ReadAsync())
        {
            grounds.Add(reader.GetString(0));
        }

        return grounds;
    }
}
