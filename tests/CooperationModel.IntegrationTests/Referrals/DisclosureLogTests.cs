using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Npgsql;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// Every referral or feedback that crosses an organisation boundary is a disclosure with its legal basis, the recipient
/// and what was disclosed; both organisations see it on the referral, and the rows are stored with the change.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DisclosureLogTests(AppFixture app)
{
    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task Send_WithConsent_OneDisclosureToTheReceiverOnTheConsent()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);

        var details = await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId);

        var disclosure = details.Disclosures.ShouldHaveSingleItem();
        disclosure.What.ShouldBe(DisclosedData.ClientIdentity | DisclosedData.Ground | DisclosedData.SituationDescription);
        disclosure.Basis.ShouldBe(LegalBasis.ClientConsent);
        disclosure.From.NameFi.ShouldBe("Eteläinen vakuutuspiiri");
        disclosure.To.NameFi.ShouldBe("Helsingin kaupunki");
        disclosure.ByName.ShouldBe(DemoDataSeeder.HandlerSouth.DisplayName);
    }

    [Fact]
    public async Task Send_WithoutConsent_DisclosedOnTheGroundsSectionOfLaw()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, consent: false);

        var details = await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        var disclosure = details.Disclosures.ShouldHaveSingleItem();
        disclosure.What.ShouldBe(DisclosedData.ClientIdentity | DisclosedData.Ground);
        disclosure.Basis.ShouldBe(ReferralGround.ObviousNeedForSocialCare.LegalBasisOf());
    }

    [Theory]
    [InlineData(true, DisclosedData.Outcome | DisclosedData.ClosingNote, LegalBasis.ClientConsent)]
    [InlineData(false, DisclosedData.StatusOnly, LegalBasis.SocialWelfareAct35)]
    public async Task Complete_Feedback_DisclosedToKelaAsFarAsConsentCovers(bool coversFeedback, DisclosedData what, LegalBasis basis)
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: coversFeedback);
        await _steps.InAssessmentAsync(sent.ReferralId);
        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.NoNeedFound, note: "Ei tarvetta.");

        var details = await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId);

        details.Disclosures.Count.ShouldBe(2);
        var feedback = details.Disclosures[1];
        feedback.From.NameFi.ShouldBe("Helsingin kaupunki");
        feedback.To.NameFi.ShouldBe("Eteläinen vakuutuspiiri");
        feedback.What.ShouldBe(what);
        feedback.Basis.ShouldBe(basis);
    }

    [Fact]
    public async Task Reroute_WrongOrganiser_TheNewReceiverSeesTheHandOver()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.WrongOrganiser, municipalityCode: "049");
        var westWorker = await _steps.NewWestUusimaaWorkerAsync();
        await using var west = await app.AsUserAsync(westWorker.Email!);

        var details = await ReferralLoopSteps.GetAsync(west, sent.ReferralId);

        // The new receiver sees what reached it (the hand-over), not Kela's first disclosure to Helsinki.
        var handOver = details.Disclosures.ShouldHaveSingleItem();
        handOver.From.NameFi.ShouldBe("Helsingin kaupunki");
        handOver.What.ShouldBe(DisclosedData.ClientIdentity | DisclosedData.Ground | DisclosedData.SituationDescription);
    }

    [Fact]
    public async Task DisclosureRows_StoredWithTheReferral_NoPersonalData()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT * FROM disclosures WHERE referral_id = @id", connection);
        command.Parameters.AddWithValue("id", sent.ReferralId);
        await using var reader = await command.ExecuteReaderAsync();

        (await reader.ReadAsync()).ShouldBeTrue();
        for (var column = 0; column < reader.FieldCount; column++)
        {
            var value = reader.IsDBNull(column) ? "" : reader.GetValue(column).ToString()!;
            value.ShouldNotContain(sent.ClientName);
            value.ShouldNotContain(sent.IdentityCode);
        }

        (await reader.ReadAsync()).ShouldBeFalse();
    }
}
