using Bunit;
using CooperationModel.Application.Agreements;
using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Web.Components.Pages.Agreements;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Agreements;

/// <summary>The agreement form: a save the validator or the use case refuses keeps everything typed, with the message at its field.</summary>
public sealed class AgreementFormTests : ComponentTestContext
{
    private static readonly OrganisationName Helsinki = new(Guid.NewGuid(), OrganisationKind.SocialServicesOrganiser, "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki");
    private readonly FakeAgreements _agreements = new();

    public AgreementFormTests()
    {
        Services.AddSingleton<ILocalAgreements>(_agreements);
    }

    [Fact]
    public void Save_TextWithAnIdentityCode_IsRefusedInline_AndEveryFieldKeepsWhatWasTyped()
    {
        var form = RenderForm();
        Fill(form, text: "Asiakas 010190-900P soittaa.");

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Markup.ShouldContain("Tekstissä on henkilötunnus."));
        _agreements.Saved.ShouldBeEmpty();
        KeepsWhatWasTyped(form, "Asiakas 010190-900P soittaa.");
    }

    [Fact]
    public void Save_RefusedByTheUseCase_ShowsItsMessageAtThePartner_AndKeepsWhatWasTyped()
    {
        _agreements.Answer = LocalAgreement.Errors.PartiesDoNotMeet;
        var form = RenderForm();
        Fill(form, text: "Soitetaan ensin.");

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Find("[data-testid=agreement-partner-error]").TextContent.ShouldContain("Osapuolten alueet eivät kohtaa"));
        var sent = _agreements.Saved.ShouldHaveSingleItem();
        sent.PartnerOrganisationId.ShouldBe(Helsinki.Id);
        sent.Draft.ShouldBe(new AgreementDraft(
            AgreementSubject.UrgentAssistance, "Kiireellinen apu", "Soitetaan ensin.", new DateOnly(2026, 3, 1), null,
            "Elina Eteläinen", "020 634 0000", null, "Pauli Pääkäyttäjä", null, "pauli@hel.demo.test"));
        KeepsWhatWasTyped(form, "Soitetaan ensin.");
    }

    private IRenderedComponent<AgreementForm> RenderForm()
    {
        RenderPopoverProvider();
        return Render<AgreementForm>(parameters => parameters.Add(p => p.Partners, [Helsinki]));
    }

    private static void Fill(IRenderedComponent<AgreementForm> form, string text)
    {
        form.Find("select[data-testid=agreement-partner]").Change("0");
        form.Find("select[data-testid=agreement-subject]").Change("0");
        form.Find("input[data-testid=agreement-title]").Change("Kiireellinen apu");
        form.Find("textarea[data-testid=agreement-text]").Change(text);
        form.Find("input[data-testid=agreement-valid-from]").Change("1.3.2026");
        form.Find("input[data-testid=agreement-kela-name]").Change("Elina Eteläinen");
        form.Find("input[data-testid=agreement-kela-phone]").Change("020 634 0000");
        form.Find("input[data-testid=agreement-organiser-name]").Change("Pauli Pääkäyttäjä");
        form.Find("input[data-testid=agreement-organiser-email]").Change("pauli@hel.demo.test");
    }

    private static void KeepsWhatWasTyped(IRenderedComponent<AgreementForm> form, string text)
    {
        form.Find("select[data-testid=agreement-partner]").GetAttribute("value").ShouldBe("0");
        form.Find("select[data-testid=agreement-subject]").GetAttribute("value").ShouldBe("0");
        form.Find("input[data-testid=agreement-title]").GetAttribute("value").ShouldBe("Kiireellinen apu");
        form.Find("textarea[data-testid=agreement-text]").GetAttribute("value").ShouldBe(text);
        form.Find("input[data-testid=agreement-valid-from]").GetAttribute("value").ShouldBe("1.3.2026");
        form.Find("input[data-testid=agreement-kela-name]").GetAttribute("value").ShouldBe("Elina Eteläinen");
        form.Find("input[data-testid=agreement-organiser-email]").GetAttribute("value").ShouldBe("pauli@hel.demo.test");
    }

    private sealed class FakeAgreements : ILocalAgreements
    {
        public List<SaveAgreementCommand> Saved { get; } = [];

        public Error? Answer { get; set; }

        public int EndingSoonDays => 60;

        public Task<Result<Guid>> SaveAsync(SaveAgreementCommand command, CancellationToken cancellationToken = default)
        {
            Saved.Add(command);
            return Task.FromResult(Answer is { } error ? Result<Guid>.Failure(error) : Result<Guid>.Success(Guid.NewGuid()));
        }

        public Task<Result<Page<AgreementRow>>> ListAsync(AgreementFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<Result<AgreementDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> EndAsync(EndAgreementCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<OrganisationName>> PartnersAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<int?> EndingSoonCountAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
