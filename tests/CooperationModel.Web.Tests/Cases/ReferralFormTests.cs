using Bunit;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Web.Components.Pages.Cases.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Cases;

public sealed class ReferralFormTests : ComponentTestContext
{
    private const string Description = "Asiakas ei selviydy arjesta ilman tukea.";
    private readonly FakeSendReferral _handler = new();
    private readonly Guid _caseId = Guid.NewGuid();
    private IRenderedComponent<MudBlazor.MudPopoverProvider> _popovers = default!;

    public ReferralFormTests()
    {
        Services.AddSingleton<ISendReferralHandler>(_handler);
        Services.AddSingleton<TimeProvider>(new FixedClock());
    }

    [Fact]
    public async Task Render_New_ConsentDateIsTheAppClocksToday()
    {
        // The form once took the machine's DateTime.Today, not the app's clock.
        var form = await RenderFormAsync();
        ChooseConsent(form, consent: true);

        form.WaitForAssertion(() => form.Find("input[data-testid=consent-given-on]").GetAttribute("value").ShouldBe("14.4.2025"));
    }

    [Fact]
    public async Task Send_DescriptionWithoutConsent_ShowsConsentRuleAndKeepsTheText()
    {
        var form = await RenderFormAsync();
        await ChooseGroundAsync(form, "Ilmeinen sosiaalihuollon tarve");
        ChooseConsent(form, consent: false);
        TypeDescription(form, Description);

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Markup.ShouldContain("Ilman suostumusta, joka kattaa tilanteen kuvaamisen, tilannetta ei saa kuvata"));
        DescriptionField(form).GetAttribute("value").ShouldBe(Description);
        _handler.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_ConsentWithoutDescription_AsksForTheDescription()
    {
        var form = await RenderFormAsync();
        await ChooseGroundAsync(form, "Ilmeinen sosiaalihuollon tarve");
        ChooseConsent(form, consent: true);

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Markup.ShouldContain("Kun asiakas on antanut suostumuksen, kuvaa hänen tilanteensa."));
        _handler.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_NothingChosen_ShowsEveryMissingFieldInFinnish()
    {
        var form = await RenderFormAsync();

        form.Find("form").Submit();

        form.WaitForAssertion(() =>
        {
            form.Markup.ShouldContain("Valitse ilmoituksen peruste.");
            form.Markup.ShouldContain("Valitse, onko asiakas antanut suostumuksen.");
        });
        _handler.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_ServerRefuses_ShowsItsErrorAndKeepsWhatWasTyped()
    {
        _handler.Answer = Result<Guid>.Failure(new ConflictError("Common.ChangedByAnother"));
        var form = await RenderFormAsync();
        await ChooseGroundAsync(form, "Ilmeinen sosiaalihuollon tarve");
        ChooseConsent(form, consent: true);
        ChooseMethod(form, ConsentMethod.Phone);
        TypeDescription(form, Description);

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Find("[data-testid=form-error]").TextContent.ShouldContain("Joku muu muutti tietoa samaan aikaan"));
        DescriptionField(form).GetAttribute("value").ShouldBe(Description);
        _handler.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Send_Valid_SendsTheCommandAndClearsTheForm()
    {
        var sentId = Guid.Empty;
        var form = await RenderFormAsync(id => sentId = id);
        await ChooseGroundAsync(form, "Ilmeinen sosiaalihuollon tarve");
        ChooseConsent(form, consent: true);
        ChooseMethod(form, ConsentMethod.Phone);
        TypeDescription(form, Description);

        form.Find("form").Submit();

        form.WaitForAssertion(() => sentId.ShouldBe(_handler.NewId));
        _handler.Calls.ShouldHaveSingleItem().ShouldBe(new SendReferralCommand(
            _caseId, ReferralGround.ObviousNeedForSocialCare, true, Description, FixedClock.Today, ConsentMethod.Phone,
            ConsentCoversDescription: true, ConsentCoversFeedback: false));
        DescriptionField(form).GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task Send_Valid_TheClearedFormSaysNothingIsRequired()
    {
        var sentId = Guid.Empty;
        var form = await RenderFormAsync(id => sentId = id);
        await ChooseGroundAsync(form, "Ilmeinen sosiaalihuollon tarve");
        ChooseConsent(form, consent: false);

        form.Find("form").Submit();

        form.WaitForAssertion(() => sentId.ShouldBe(_handler.NewId));
        form.WaitForAssertion(() => form.FindAll(".mud-input-error").ShouldBeEmpty());
        form.Find("[data-testid=referral-form]").TextContent.ShouldNotContain("Required");
        form.Find("[data-testid=referral-form]").TextContent.ShouldNotContain("Pakollinen");
    }

    [Theory]
    [InlineData("1.1.0001", "Tarkista päivämäärä: se voi olla enintään 10 vuoden takaa.")]
    [InlineData("31.2.2026", "Päivämäärä ei ole oikea päivä. Kirjoita se muodossa p.k.vvvv, esim. 28.2.2026.")]
    public async Task Send_ConsentDateImpossible_SaysWhatIsWrongAndKeepsTheDate(string typed, string message)
    {
        var form = await RenderFormAsync();
        await ChooseGroundAsync(form, "Ilmeinen sosiaalihuollon tarve");
        ChooseConsent(form, consent: true);
        ChooseMethod(form, ConsentMethod.Phone);
        TypeDescription(form, Description);
        form.Find("input[data-testid=consent-given-on]").Change(typed);

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "consent-given-on").ShouldBe(message));
        _handler.Calls.ShouldBeEmpty();
        form.Find("input[data-testid=consent-given-on]").GetAttribute("value").ShouldBe(typed);
        DescriptionField(form).GetAttribute("value").ShouldBe(Description);
    }

    [Fact]
    public async Task Send_ConsentWithoutMethod_AsksHowItWasGivenAndKeepsTheText()
    {
        var form = await RenderFormAsync();
        await ChooseGroundAsync(form, "Ilmeinen sosiaalihuollon tarve");
        ChooseConsent(form, consent: true);
        TypeDescription(form, Description);

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Find("[data-testid=consent-method-error]").TextContent.ShouldBe("Valitse, miten suostumus annettiin."));
        DescriptionField(form).GetAttribute("value").ShouldBe(Description);
        _handler.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task ChooseGround_ApplicationTransfer_OffersItsOwnUrgencyAndExpectsADecision()
    {
        var form = await RenderFormAsync();

        await ChooseGroundAsync(form, "Hakemuksen siirto: täydentävä toimeentulotuki");

        form.WaitForAssertion(() => form.FindAll("input[data-testid=referral-urgent]").ShouldHaveSingleItem());
        form.Find("[data-testid=ground-basis]").TextContent.ShouldContain("Toimeentulotukilaki 14 a §");
        form.Find("[data-testid=ground-basis]").TextContent.ShouldContain("Päätös hakemuksesta");
    }

    [Fact]
    public async Task ChooseGround_Notice_HasNoUrgency()
    {
        var form = await RenderFormAsync();

        await ChooseGroundAsync(form, "Ilmeinen sosiaalihuollon tarve");

        form.WaitForAssertion(() => form.FindAll("[data-testid=ground-basis]").ShouldHaveSingleItem());
        form.FindAll("input[data-testid=referral-urgent]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ChooseGround_ShowsItsLegalBasisAndExpectedPlan()
    {
        var form = await RenderFormAsync();

        await ChooseGroundAsync(form, "Alle 25-vuotias työtön, 4 kk toimeentulotukea");

        form.WaitForAssertion(() => form.Find("[data-testid=ground-basis]").TextContent
            .ShouldContain("Laki kuntouttavasta työtoiminnasta 2 § ja 5 §"));
        form.Find("[data-testid=ground-basis]").TextContent.ShouldContain("aktivointisuunnitelma");
    }

    private async Task<IRenderedComponent<ReferralForm>> RenderFormAsync(Action<Guid>? onSent = null)
    {
        _popovers = RenderPopoverProvider();
        var form = Render<ReferralForm>(parameters => parameters
            .Add(p => p.CaseId, _caseId)
            .Add(p => p.OnSent, id => onSent?.Invoke(id)));
        await Task.CompletedTask;
        return form;
    }

    private async Task ChooseGroundAsync(IRenderedComponent<ReferralForm> form, string groundText)
    {
        await form.Find("div.mud-select div.mud-input-control").MouseDownAsync(new());
        _popovers.WaitForAssertion(() => _popovers.FindAll("div.mud-list-item").ShouldNotBeEmpty());
        var item = _popovers.FindAll("div.mud-list-item").Single(i => i.TextContent.Trim() == groundText);
        await item.ClickAsync(new());
    }

    private static void ChooseConsent(IRenderedComponent<ReferralForm> form, bool consent) =>
        form.Find($"input[data-testid={(consent ? "consent-yes" : "consent-no")}]").Click();

    private static void ChooseMethod(IRenderedComponent<ReferralForm> form, ConsentMethod method) =>
        form.Find($"input[data-testid=consent-method-{method}]").Click();

    private static void TypeDescription(IRenderedComponent<ReferralForm> form, string text) =>
        DescriptionField(form).Change(text);

    private static AngleSharp.Dom.IElement DescriptionField(IRenderedComponent<ReferralForm> form) =>
        form.Find("textarea[data-testid=referral-description]");

    private sealed class FakeSendReferral : ISendReferralHandler
    {
        public Guid NewId { get; } = Guid.NewGuid();

        public List<SendReferralCommand> Calls { get; } = [];

        public Result<Guid>? Answer { get; set; }

        public Task<Result<Guid>> HandleAsync(SendReferralCommand command, CancellationToken cancellationToken = default)
        {
            Calls.Add(command);
            return Task.FromResult(Answer ?? Result<Guid>.Success(NewId));
        }
    }
}
