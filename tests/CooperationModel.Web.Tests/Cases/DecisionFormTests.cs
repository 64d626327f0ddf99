using Bunit;
using CooperationModel.Application.Cases.RecordDecision;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Web.Components.Pages.Cases.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Cases;

public sealed class DecisionFormTests : ComponentTestContext
{
    private const string PickUpPlace = "Kelan toimipiste, Kamppi";
    private readonly FakeRecordDecision _handler = new();
    private readonly Guid _caseId = Guid.NewGuid();
    private int _saved;

    public DecisionFormTests()
    {
        Services.AddSingleton<IRecordDecisionHandler>(_handler);
        Services.AddSingleton<TimeProvider>(new FixedClock());
    }

    [Fact]
    public void Render_Always_IsDatedToday()
    {
        var form = RenderForm();

        form.Find("input[data-testid=decision-date]").GetAttribute("value").ShouldBe("14.4.2025");
    }

    [Fact]
    public void Save_NothingChosen_AsksForTheOutcomeWithoutCallingTheHandler()
    {
        var form = RenderForm();

        form.Find("form").Submit();

        form.WaitForAssertion(() => FieldOf(form, "decision-outcome").TextContent.ShouldContain("Valitse ratkaisu."));
        _handler.Calls.ShouldBeEmpty();
        _saved.ShouldBe(0);
    }

    [Fact]
    public async Task Save_OutcomeChosenAfterTheMessage_ClearsTheMessage()
    {
        var form = RenderForm();
        form.Find("form").Submit();
        form.WaitForAssertion(() => form.Markup.ShouldContain("Valitse ratkaisu."));

        await ChooseAsync(form, "decision-outcome", "Myönteinen");

        form.WaitForAssertion(() => form.Markup.ShouldNotContain("Valitse ratkaisu."));
    }

    [Fact]
    public async Task Save_Reduction50_IsRefusedWithTheLegalRangeAndKeepsTheNumber()
    {
        // The field changes nothing that was typed (it once clamped 50 to 40 without a word): the rule refuses it.
        var form = RenderForm();
        await ChooseAsync(form, "decision-outcome", "Myönteinen");
        await ChooseAsync(form, "decision-reduction-reason", "Kieltäytynyt suunnitelman laatimisesta");
        form.Find("input[data-testid=decision-reduction-percent]").Change("50");

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "decision-reduction-percent").ShouldBe("Alennuksen on oltava 1–40 %."));
        _handler.Calls.ShouldBeEmpty();
        form.Find("input[data-testid=decision-reduction-percent]").GetAttribute("value").ShouldBe("50");
    }

    [Fact]
    public async Task Save_ReductionPercentWithoutReason_AsksForTheReason()
    {
        var form = RenderForm();
        await ChooseAsync(form, "decision-outcome", "Myönteinen");
        form.Find("input[data-testid=decision-reduction-percent]").Change("20");

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "decision-reduction-reason").ShouldBe("Valitse alentamisen syy."));
        _handler.Calls.ShouldBeEmpty();
        form.Find("input[data-testid=decision-reduction-percent]").GetAttribute("value").ShouldBe("20");
    }

    /// <summary>
    /// The validator answers a reason without a percent with the code of <see cref="CaseDecision.Errors.ReductionPercent"/>.
    /// Its text must say what is wrong; it must not be the field's own label, "Alennus (%)".
    /// </summary>
    [Fact]
    public async Task Save_ReasonWithoutReductionPercent_ShowsAMessageAtTheReductionField()
    {
        var form = RenderForm();
        await ChooseAsync(form, "decision-outcome", "Myönteinen");
        await ChooseAsync(form, "decision-reduction-reason", "Kieltäytynyt suunnitelman laatimisesta");

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "decision-reduction-percent").ShouldNotBeNullOrWhiteSpace());
        _handler.Calls.ShouldBeEmpty();
        ErrorTextOf(form, "decision-reduction-percent").ShouldNotBe("Alennus (%)");
    }

    [Fact]
    public async Task Save_ServerRefusesTheReduction_ShowsItAtTheReductionFieldAndKeepsTheChoices()
    {
        _handler.Answer = Result.Failure(new ValidationError("Decision.ReductionOnlyWhenGranted") { Field = "Reduction" });
        var form = RenderForm();
        await ChooseAsync(form, "decision-outcome", "Osittain myönteinen");
        await ChooseAsync(form, "decision-reduction-reason", "Kieltäytynyt suunnitelman laatimisesta");
        form.Find("input[data-testid=decision-reduction-percent]").Change("20");

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "decision-reduction-percent").ShouldBe("Perusosaa voi alentaa vain, kun tukea myönnetään."));
        _handler.Calls.Count.ShouldBe(1);
        form.Find("input[data-testid=decision-reduction-percent]").GetAttribute("value").ShouldBe("20");
        form.Find("[data-testid=decision-outcome]").TextContent.Trim().ShouldBe("Osittain myönteinen");
        form.Find("[data-testid=decision-reduction-reason]").TextContent.Trim().ShouldBe("Kieltäytynyt suunnitelman laatimisesta");
    }

    [Fact]
    public void Render_NotUrgent_HasNoPaymentCommitmentField()
    {
        var form = RenderForm(urgent: false);

        form.FindAll("[data-testid=decision-payment-commitment]").ShouldBeEmpty();
        form.Markup.ShouldNotContain("Maksusitoumuksen noutopaikka");
    }

    [Fact]
    public void Render_Urgent_HasThePaymentCommitmentField()
    {
        var form = RenderForm(urgent: true);

        form.FindAll("input[data-testid=decision-payment-commitment]").ShouldHaveSingleItem();
        form.Markup.ShouldContain("Maksusitoumuksen noutopaikka");
    }

    [Fact]
    public async Task Save_ServerRefusesThePaymentCommitment_ShowsItInlineAndKeepsThePickUpPlace()
    {
        _handler.Answer = Result.Failure(new ValidationError("Decision.PaymentCommitmentOnlyUrgent") { Field = "PaymentCommitment" });
        var form = RenderForm(urgent: true);
        await ChooseAsync(form, "decision-outcome", "Myönteinen");
        form.Find("input[data-testid=decision-payment-commitment]").Change(PickUpPlace);

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "decision-payment-commitment").ShouldBe("Maksusitoumus annetaan vain kiireellisessä asiassa."));
        _handler.Calls.ShouldHaveSingleItem().PaymentCommitmentPickUpPlace.ShouldBe(PickUpPlace);
        _saved.ShouldBe(0);
        form.FindAll("[data-testid=form-error]").ShouldBeEmpty();
        form.Find("input[data-testid=decision-payment-commitment]").GetAttribute("value").ShouldBe(PickUpPlace);
        form.Find("[data-testid=decision-outcome]").TextContent.Trim().ShouldBe("Myönteinen");
    }

    [Fact]
    public async Task Save_ServerRefusesWithoutAField_ShowsItAboveTheFormAndKeepsTheChoices()
    {
        _handler.Answer = Result.Failure(new ConflictError("Common.ChangedByAnother"));
        var form = RenderForm(urgent: true);
        await ChooseAsync(form, "decision-outcome", "Myönteinen");
        form.Find("input[data-testid=decision-payment-commitment]").Change(PickUpPlace);

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Find("[data-testid=form-error]").TextContent.ShouldContain("Joku muu muutti tietoa samaan aikaan"));
        _saved.ShouldBe(0);
        form.Find("input[data-testid=decision-payment-commitment]").GetAttribute("value").ShouldBe(PickUpPlace);
        form.Find("[data-testid=decision-outcome]").TextContent.Trim().ShouldBe("Myönteinen");
    }

    [Fact]
    public async Task Save_Valid_SendsTheDecisionAsChosen()
    {
        var form = RenderForm(urgent: true);
        await ChooseAsync(form, "decision-outcome", "Osittain myönteinen");
        form.Find("input[data-testid=decision-reduction-percent]").Change("20");
        await ChooseAsync(form, "decision-reduction-reason", "Kieltäytynyt työstä tai työvoimapoliittisesta toimenpiteestä");
        form.Find("input[data-testid=decision-payment-commitment]").Change(PickUpPlace);
        form.Find("input[data-testid=decision-signal-benefits]").Change(true);
        form.Find("input[data-testid=decision-signal-social]").Change(true);
        await ChooseAsync(form, "decision-clarity", "Hyvä");
        await ChooseAsync(form, "decision-correctness", "Riittävä");

        form.Find("form").Submit();

        form.WaitForAssertion(() => _saved.ShouldBe(1));
        _handler.Calls.ShouldHaveSingleItem().ShouldBe(new RecordDecisionCommand(
            _caseId, DecisionOutcome.PartlyGranted, FixedClock.Today, 20, ReductionReason.RefusedWorkOrMeasure, PickUpPlace,
            SignalToOtherBenefits: true, SignalToSocialServices: true, QualityRating.Good, QualityRating.Adequate));
    }

    [Fact]
    public async Task Save_ValidWithoutExtras_SendsNoReductionNorCommitment()
    {
        var form = RenderForm(urgent: false);
        await ChooseAsync(form, "decision-outcome", "Hylätty");

        form.Find("form").Submit();

        form.WaitForAssertion(() => _saved.ShouldBe(1));
        _handler.Calls.ShouldHaveSingleItem().ShouldBe(new RecordDecisionCommand(
            _caseId, DecisionOutcome.Refused, FixedClock.Today, null, null, null, false, false, null, null));
    }

    [Fact]
    public async Task Save_DateChanged_SendsTheTypedDate()
    {
        var form = RenderForm();
        await ChooseAsync(form, "decision-outcome", "Myönteinen");
        form.Find("input[data-testid=decision-date]").Change("11.4.2025");

        form.Find("form").Submit();

        form.WaitForAssertion(() => _handler.Calls.ShouldHaveSingleItem().DecidedOn.ShouldBe(new DateOnly(2025, 4, 11)));
    }

    private IRenderedComponent<DecisionForm> RenderForm(bool urgent = false)
    {
        RenderPopoverProvider();
        return Render<DecisionForm>(parameters => parameters
            .Add(p => p.CaseId, _caseId)
            .Add(p => p.Urgent, urgent)
            .Add(p => p.OnSaved, () => _saved++));
    }

    private sealed class FakeRecordDecision : IRecordDecisionHandler
    {
        public List<RecordDecisionCommand> Calls { get; } = [];

        public Result? Answer { get; set; }

        public Task<Result> HandleAsync(RecordDecisionCommand command, CancellationToken cancellationToken = default)
        {
            Calls.Add(command);
            return Task.FromResult(Answer ?? Result.Success());
        }
    }
}
