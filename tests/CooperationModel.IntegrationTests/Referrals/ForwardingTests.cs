using System.Net;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.Forwarding;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Npgsql;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// Social services forwards a referral to health care or outreach youth work: the partner works it from its own inbox,
/// everyone in the chain sees the links, nobody outside it sees anything, and every crossing is logged as a disclosure.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ForwardingTests(AppFixture app)
{
    private const string ForwardNote = "Asiakas toivoo yhteydenottoa terveysasemalta.";
    private const string PartnerNote = "Asiakas ohjattu päihdepalveluihin; jatko terveysasemalla.";

    private static readonly Guid HealthCareHelsinki = Organisation.IdFor(OrganisationKind.HealthCare, "90");
    private static readonly Guid YouthWorkHelsinki = Organisation.IdFor(OrganisationKind.OutreachYouthWork, ProcessSteps.Helsinki);

    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task Forward_ToHealthCare_PartnerWorksItAndTheChainShowsItsEnd()
    {
        // With consent to feedback: even so, the partner's closing note is for social services only.
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: true);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        await ForwardAsync(sent.ReferralId, ForwardTarget.HealthCare, ForwardNote);

        // Health care's inbox lists it, not yet opened; opening it marks the forward received.
        await using (var partner = await app.AsUserAsync(DemoDataSeeder.HealthCareHelsinki))
        {
            var row = (await ReferralLoopSteps.InboxForClientAsync(partner, sent.IdentityCode)).ShouldHaveSingleItem();
            row.Id.ShouldBe(sent.ReferralId);
            row.Status.ShouldBe(ReferralStatus.Sent);
            row.ForwardTarget.ShouldBe(ForwardTarget.HealthCare);
            row.NamedWorkerName.ShouldBeNull();

            var opened = await ReferralLoopSteps.GetAsync(partner, sent.ReferralId);
            opened.ClientName.ShouldBe(sent.ClientName);
            var link = opened.Forwards.ShouldHaveSingleItem();
            link.ToOrganisationId.ShouldBe(HealthCareHelsinki);
            link.Status.ShouldBe(ForwardStatus.Received);
            link.Note.ShouldBe(ForwardNote);

            (await partner.Get<IForwardingCommands>().AcceptAsync(sent.ReferralId)).ShouldSucceed();
            row = (await ReferralLoopSteps.InboxForClientAsync(partner, sent.IdentityCode)).ShouldHaveSingleItem();
            row.Status.ShouldBe(ReferralStatus.Accepted);
            row.NamedWorkerName.ShouldBe(DemoDataSeeder.HealthCareHelsinki.DisplayName);

            (await partner.Get<IForwardingCommands>().CompleteAsync(new CompleteForwardCommand(sent.ReferralId, PartnerNote))).ShouldSucceed();
            (await ReferralLoopSteps.InboxForClientAsync(partner, sent.IdentityCode)).ShouldHaveSingleItem().Status.ShouldBe(ReferralStatus.Completed);
        }

        // Kela sees the partner, its status and named worker, but neither note.
        var kela = (await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId)).Forwards.ShouldHaveSingleItem();
        kela.ToOrganisationId.ShouldBe(HealthCareHelsinki);
        kela.Status.ShouldBe(ForwardStatus.Completed);
        kela.NamedWorkerName.ShouldBe(DemoDataSeeder.HealthCareHelsinki.DisplayName);
        kela.ClosedAt.ShouldNotBeNull();
        kela.ClosingNote.ShouldBeNull();
        kela.Note.ShouldBeNull();

        // Social services, who forwarded it, sees the partner's note.
        var helsinki = (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).Forwards.ShouldHaveSingleItem();
        helsinki.ClosingNote.ShouldBe(PartnerNote);
        helsinki.Note.ShouldBe(ForwardNote);

        // Two crossings, each logged once: the forward itself, and the partner's feedback to social services.
        var disclosures = await DisclosuresAsync(sent.ReferralId);
        disclosures.ShouldContain(new DisclosureRow(
            ReferralLoopSteps.CityOfHelsinki, HealthCareHelsinki,
            DisclosedData.ClientIdentity | DisclosedData.Ground | DisclosedData.SituationDescription | DisclosedData.ForwardNote,
            nameof(LegalBasis.ClientConsent)));
        disclosures.ShouldContain(new DisclosureRow(
            HealthCareHelsinki, ReferralLoopSteps.CityOfHelsinki, DisclosedData.Outcome | DisclosedData.ClosingNote, nameof(LegalBasis.ClientConsent)));
        disclosures.Count(d => d.To == HealthCareHelsinki).ShouldBe(1);
        disclosures.Count(d => d.From == HealthCareHelsinki).ShouldBe(1);
    }

    [Fact]
    public async Task Forward_ToHealthCare_PartnerOpensItsPageAndApi()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await ForwardAsync(sent.ReferralId, ForwardTarget.HealthCare);
        var client = await app.SignedInClientAsync(DemoDataSeeder.HealthCareHelsinki);

        (await client.InboxIdsAsync("&search=" + Uri.EscapeDataString(sent.IdentityCode))).ShouldBe([sent.ReferralId]);
        var html = await client.GetPageAsync($"/referrals/{sent.ReferralId}");
        html.ShouldContain(sent.ClientName);
        html.ShouldNotContain("data-testid=\"not-found\"");
        (await client.GetAsync($"/api/referrals/{sent.ReferralId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forward_ToHealthCare_OutsidersSeeNothing()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await ForwardAsync(sent.ReferralId, ForwardTarget.HealthCare, ForwardNote);
        var westHealthCare = await app.CreateUserAsync(
            "Toinen Terveys", Organisation.IdFor(OrganisationKind.HealthCare, "03"), UserRole.HealthCareProfessional, ProcessSteps.Password);

        foreach (var outsider in new[] { DemoDataSeeder.WorkerNorthOstrobothnia.Email, westHealthCare.Email!, DemoDataSeeder.YouthWorkHelsinki.Email })
        {
            await using var scope = await app.AsUserAsync(outsider);

            (await scope.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).ShouldFailWith<NotFoundError>("Referral.NotFound");
            (await ReferralLoopSteps.InboxForClientAsync(scope, sent.IdentityCode)).ShouldBeEmpty(outsider);
            var all = (await scope.Get<IListInboxHandler>().HandleAsync(new ListInboxQuery(null, null, new PageRequest(1, PageRequest.MaxPageSize)))).Value;
            all.Items.ShouldNotContain(r => r.Id == sent.ReferralId);
        }

        // Nor can another health care organisation act on it.
        await using var other = await app.AsUserAsync(westHealthCare.Email!);
        (await other.Get<IForwardingCommands>().AcceptAsync(sent.ReferralId)).ShouldFailWith<NotFoundError>("Referral.NotFound");
    }

    [Fact]
    public async Task Forward_ToOutreachYouthWork_GoesToTheYouthWorkOfTheClientsHomeMunicipality()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        await ForwardAsync(sent.ReferralId, ForwardTarget.OutreachYouthWork);

        var link = (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).Forwards.ShouldHaveSingleItem();
        link.Target.ShouldBe(ForwardTarget.OutreachYouthWork);
        link.ToOrganisationId.ShouldBe(YouthWorkHelsinki);
        await using (var youth = await app.AsUserAsync(DemoDataSeeder.YouthWorkHelsinki))
        {
            (await ReferralLoopSteps.InboxForClientAsync(youth, sent.IdentityCode)).ShouldHaveSingleItem().ForwardTarget.ShouldBe(ForwardTarget.OutreachYouthWork);
            (await youth.Get<IForwardingCommands>().AcceptAsync(sent.ReferralId)).ShouldSucceed();
        }

        // Health care of the same area, and the youth work of a neighbouring municipality, were not asked.
        var vantaaYouth = await app.CreateUserAsync(
            "Vantaan Nuoriso", Organisation.IdFor(OrganisationKind.OutreachYouthWork, "092"), UserRole.OutreachYouthWorker, ProcessSteps.Password);
        foreach (var outsider in new[] { DemoDataSeeder.HealthCareHelsinki.Email, vantaaYouth.Email! })
        {
            await using var scope = await app.AsUserAsync(outsider);
            (await ReferralLoopSteps.InboxForClientAsync(scope, sent.IdentityCode)).ShouldBeEmpty(outsider);
            (await scope.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).IsSuccess.ShouldBeFalse(outsider);
        }
    }

    [Fact]
    public async Task Forward_WithoutConsent_NoteRefusedAndForwardWithoutItAllowed()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, consent: false);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        var withNote = await worker.Get<IForwardingCommands>().ForwardAsync(new ForwardReferralCommand(sent.ReferralId, ForwardTarget.HealthCare, ForwardNote));

        withNote.ShouldFailWith<ValidationError>("Referral.ForwardNoteWithoutConsent").Field.ShouldBe("Note");
        (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).Forwards.ShouldBeEmpty();

        (await worker.Get<IForwardingCommands>().ForwardAsync(new ForwardReferralCommand(sent.ReferralId, ForwardTarget.HealthCare, null))).ShouldSucceed();
        var disclosure = (await DisclosuresAsync(sent.ReferralId)).Where(d => d.To == HealthCareHelsinki).ShouldHaveSingleItem();
        disclosure.What.ShouldBe(DisclosedData.ClientIdentity | DisclosedData.Ground);
        disclosure.Basis.ShouldBe(nameof(LegalBasis.SocialWelfareAct41));
    }

    [Fact]
    public async Task Forward_BeforeAcceptedOrTwiceOrByTheWrongRole_Refused()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var forwarding = worker.Get<IForwardingCommands>();
        var command = new ForwardReferralCommand(sent.ReferralId, ForwardTarget.HealthCare, null);

        (await forwarding.ForwardAsync(command)).ShouldFailWith<InvalidTransitionError>("Referral.NotAccepted");
        (await forwarding.ForwardAsync(command with { Target = null })).ShouldFailWith<ValidationError>(ForwardReferralValidator.TargetRequired);

        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        (await forwarding.ForwardAsync(command)).ShouldSucceed();
        (await forwarding.ForwardAsync(command)).ShouldFailWith<ConflictError>("Referral.AlreadyForwarded");

        // A partner does not forward, and a social worker does not work a forward.
        await using var partner = await app.AsUserAsync(DemoDataSeeder.HealthCareHelsinki);
        (await partner.Get<IForwardingCommands>().ForwardAsync(command with { Target = ForwardTarget.OutreachYouthWork })).ShouldFailWith<ForbiddenError>("Common.WrongRole");
        (await forwarding.AcceptAsync(sent.ReferralId)).ShouldFailWith<ForbiddenError>("Common.WrongRole");
        (await forwarding.CompleteAsync(new CompleteForwardCommand(sent.ReferralId, null))).ShouldFailWith<ForbiddenError>("Common.WrongRole");
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        (await handler.Get<IForwardingCommands>().ForwardAsync(command)).ShouldFailWith<ForbiddenError>("Common.WrongRole");
    }

    [Fact]
    public async Task ReturnForward_WithReason_SocialServicesSeesWhyKelaSeesTheStatus()
    {
        // Consent without feedback: Kela's timeline shows the step but not the reason.
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: false);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await ForwardAsync(sent.ReferralId, ForwardTarget.HealthCare);
        await using (var partner = await app.AsUserAsync(DemoDataSeeder.HealthCareHelsinki))
        {
            var forwarding = partner.Get<IForwardingCommands>();
            (await forwarding.ReturnAsync(new ReturnForwardCommand(sent.ReferralId, ReturnReason.WrongOrganiser, null)))
                .ShouldFailWith<ValidationError>(ReturnForwardValidator.ReasonRequired);
            (await forwarding.ReturnAsync(new ReturnForwardCommand(sent.ReferralId, ReturnReason.NoCapacity, PartnerNote))).ShouldSucceed();
            // Returned: nothing more to do on it, but the partner still sees the chain it was part of.
            (await forwarding.AcceptAsync(sent.ReferralId)).ShouldFailWith<ForbiddenError>("Referral.NotForwardedToYou");
            (await ReferralLoopSteps.GetAsync(partner, sent.ReferralId)).Forwards.ShouldHaveSingleItem().Status.ShouldBe(ForwardStatus.Returned);
        }

        var helsinki = (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).Forwards.ShouldHaveSingleItem();
        helsinki.ReturnReason.ShouldBe(ReturnReason.NoCapacity);
        helsinki.ClosingNote.ShouldBe(PartnerNote);
        var kela = await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId);
        kela.Forwards.ShouldHaveSingleItem().Status.ShouldBe(ForwardStatus.Returned);
        kela.Forwards[0].ReturnReason.ShouldBeNull();
        kela.Forwards[0].ClosingNote.ShouldBeNull();
        kela.Timeline.First(e => e.Kind == ReferralEventKind.ForwardReturned).Detail.ShouldBeNull();

        // Returned, so social services may forward to health care again; the partner's inbox shows the new link.
        await ForwardAsync(sent.ReferralId, ForwardTarget.HealthCare);
        await using var again = await app.AsUserAsync(DemoDataSeeder.HealthCareHelsinki);
        (await ReferralLoopSteps.InboxForClientAsync(again, sent.IdentityCode)).ShouldHaveSingleItem().Status.ShouldBe(ReferralStatus.Sent);
    }

    [Fact]
    public async Task ListInbox_Partner_FiltersOnTheForwardsStatusAndNamedWorker()
    {
        var accepted = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        var waiting = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        foreach (var sent in new[] { accepted, waiting })
        {
            await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
            await ForwardAsync(sent.ReferralId, ForwardTarget.HealthCare);
        }

        var nurse = await app.CreateUserAsync("Hoitaja Uusi", HealthCareHelsinki, UserRole.HealthCareProfessional, ProcessSteps.Password);
        await using var partner = await app.AsUserAsync(nurse.Email!);
        (await partner.Get<IForwardingCommands>().AcceptAsync(accepted.ReferralId)).ShouldSucceed();
        var inbox = partner.Get<IListInboxHandler>();
        var everything = new ListInboxQuery(null, null, new PageRequest(1, PageRequest.MaxPageSize));

        var mine = (await inbox.HandleAsync(everything with { OnlyMine = true })).Value;
        var sentOnly = (await inbox.HandleAsync(everything with { Status = ReferralStatus.Sent })).Value;
        var overdue = (await inbox.HandleAsync(everything with { Overdue = true })).Value;

        mine.Items.Select(r => r.Id).ShouldBe([accepted.ReferralId]);
        sentOnly.Items.Select(r => r.Id).ShouldContain(waiting.ReferralId);
        sentOnly.Items.Select(r => r.Id).ShouldNotContain(accepted.ReferralId);
        sentOnly.Items.ShouldAllBe(r => r.Status == ReferralStatus.Sent && r.ForwardTarget == ForwardTarget.HealthCare && r.RespondBy == null);
        overdue.TotalCount.ShouldBe(0);
    }

    private async Task ForwardAsync(Guid referralId, ForwardTarget target, string? note = null)
    {
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        (await worker.Get<IForwardingCommands>().ForwardAsync(new ForwardReferralCommand(referralId, target, note))).ShouldSucceed();
    }

    /// <summary>The disclosure log of a referral as stored, whoever may read it.</summary>
    private async Task<List<DisclosureRow>> DisclosuresAsync(Guid referralId)
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT from_organisation_id, to_organisation_id, what, basis FROM disclosures WHERE referral_id = @id ORDER BY at", connection);
        query.Parameters.AddWithValue("id", referralId);
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<DisclosureRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new DisclosureRow(reader.GetGuid(0), reader.GetGuid(1), (DisclosedData)reader.GetInt32(2), reader.GetString(3)));
        }

        return rows;
    }

    private sealed record DisclosureRow(Guid From, Guid To, DisclosedData What, string Basis);
}
