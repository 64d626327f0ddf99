using Bunit;
using CooperationModel.Application.Directory.Environments;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Surveys;
using CooperationModel.Web.Components.Pages.Directory.Environments;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Environments;

/// <summary>The organiser admin's assessment form with the use case faked: a refused save keeps what was typed.</summary>
public sealed class EnvironmentFormTests : ComponentTestContext
{
    private readonly FakeEnvironments _environments = new();
    private int _saved;

    public EnvironmentFormTests() => Services.AddSingleton<IOperatingEnvironments>(_environments);

    [Theory]
    [InlineData("fi", "Tekstissä on henkilötunnus.")]
    [InlineData("en", "The text contains a personal identity code.")]
    public async Task ANoteWithAnIdentityCode_IsRefusedAtItsField_AndEverythingTypedStays(string culture, string message)
    {
        UseCulture(culture);
        var form = RenderForm();

        await form.Find("input[data-testid=environment-opening-days]").ChangeAsync(new ChangeEventArgs { Value = "ma ja ke 9–12" });
        await form.Find("textarea[data-testid=environment-note]").ChangeAsync(new ChangeEventArgs { Value = "Asiakas 010190-900P käy torstaisin" });
        await form.Find("[data-testid=environment-save]").ClickAsync(new());

        // The validator (the domain's check) refuses before the use case is asked.
        _environments.Sent.ShouldBeEmpty();
        form.WaitForAssertion(() => form.Markup.ShouldContain(message));
        form.Find("input[data-testid=environment-opening-days]").GetAttribute("value").ShouldBe("ma ja ke 9–12");
        form.Find("textarea[data-testid=environment-note]").TextContent.ShouldBe("Asiakas 010190-900P käy torstaisin");
        _saved.ShouldBe(0);
    }

    [Fact]
    public async Task ASaveTheUseCaseRefuses_ShowsWhy_AndKeepsTheText()
    {
        _environments.Answer = OperatingEnvironments.NotTheOrganisersAdmin;
        var form = RenderForm();

        await form.Find("textarea[data-testid=environment-note]").ChangeAsync(new ChangeEventArgs { Value = "Lähin palvelupiste Lahdessa" });
        await form.Find("[data-testid=environment-save]").ClickAsync(new());

        var sent = _environments.Sent.ShouldHaveSingleItem();
        sent.ShouldBe(new ChangeOperatingEnvironmentCommand(
            "576", OperatingEnvironmentType.VeryNarrow, false, null, false, true, SocialOfficeReception.ByAppointmentOnly, null,
            SocialEmergencyService.ByPhone, "Lähin palvelupiste Lahdessa"));
        form.WaitForAssertion(() => form.Find("[data-testid=form-error]").TextContent.ShouldContain("Vain kunnan sosiaalihuollon järjestäjän pääkäyttäjä"));
        form.Find("textarea[data-testid=environment-note]").TextContent.ShouldBe("Lähin palvelupiste Lahdessa");
        _saved.ShouldBe(0);

        _environments.Answer = null;
        await form.Find("[data-testid=environment-save]").ClickAsync(new());
        form.WaitForAssertion(() => _saved.ShouldBe(1));
    }

    private IRenderedComponent<EnvironmentForm> RenderForm() => Render<EnvironmentForm>(p => p
        .Add(c => c.MunicipalityCode, "576")
        .Add(c => c.Type, OperatingEnvironmentType.VeryNarrow)
        .Add(c => c.Facts, OperatingEnvironmentTypes.TypicalFacts(OperatingEnvironmentType.VeryNarrow))
        .Add(c => c.OnSaved, () => _saved++));

    private sealed class FakeEnvironments : IOperatingEnvironments
    {
        public Error? Answer { get; set; }

        public List<ChangeOperatingEnvironmentCommand> Sent { get; } = [];

        public Task<Result> ChangeAsync(ChangeOperatingEnvironmentCommand command, CancellationToken cancellationToken = default)
        {
            Sent.Add(command);
            return Task.FromResult(Answer is null ? Result.Success() : Result.Failure(Answer));
        }

        public Task<Result> ConfirmUnchangedAsync(string municipalityCode, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result<OperatingEnvironmentView>> GetAsync(string municipalityCode, CancellationToken cancellationToken = default) =>
            Task.FromResult(Result<OperatingEnvironmentView>.Failure(OperatingEnvironments.NotFound));

        public Task<Result<CaseEnvironmentView>> ForCaseAsync(string municipalityCode, ClientType? clientType, CancellationToken cancellationToken = default) =>
            Task.FromResult(Result<CaseEnvironmentView>.Failure(OperatingEnvironments.NotFound));
    }
}
