using Bunit;
using CooperationModel.Application.Common;
using CooperationModel.Application.Directory;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Web.Components.Pages.Directory;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.PartnerDirectory;

/// <summary>The directory's edit form with the use case faked: a refused save keeps everything typed and shows the error at its field.</summary>
public sealed class DirectoryContactFormTests : ComponentTestContext
{
    private static readonly DirectoryContactRow Row = new(
        Guid.NewGuid(), Guid.NewGuid(), "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki", DirectoryFunction.AdultSocialWork, "091",
        "Aikuissosiaalityön neuvonta", ServiceLanguage.Bilingual, "09 310 00100", "ma–pe 9–15", null, null, null, null,
        new DateOnly(2026, 1, 5), "Pauli Pääkäyttäjä") { Access = DirectoryAccess.ChangesOwn };

    private readonly FakePartnerDirectory _directory = new();

    public DirectoryContactFormTests() => Services.AddSingleton<IPartnerDirectory>(_directory);

    [Theory]
    [InlineData("fi", "Tekstissä on henkilötunnus.")]
    [InlineData("sv", "Texten innehåller en personbeteckning.")]
    [InlineData("en", "The text contains a personal identity code.")]
    public async Task AnIdentityCode_IsRefusedBeforeSaving_AndTheTextStays(string culture, string message)
    {
        UseCulture(culture);
        var form = Render<DirectoryContactForm>(p => p.Add(f => f.Entry, Row));

        await form.Find("input[data-testid=directory-form-phone-hours]").ChangeAsync(new ChangeEventArgs { Value = "ma–to 9–12" });
        await form.Find("textarea[data-testid=directory-form-place]").ChangeAsync(new ChangeEventArgs { Value = "Asiakas 010190-900P hakee" });
        await form.Find("form").SubmitAsync();

        _directory.Sent.ShouldBeEmpty();
        form.WaitForAssertion(() => ErrorTextOf(form, "directory-form-place").ShouldNotBeNull().ShouldStartWith(message));
        form.Find("textarea[data-testid=directory-form-place]").TextContent.ShouldBe("Asiakas 010190-900P hakee");
        form.Find("input[data-testid=directory-form-phone-hours]").GetAttribute("value").ShouldBe("ma–to 9–12");
        form.Find("input[data-testid=directory-form-name]").GetAttribute("value").ShouldBe("Aikuissosiaalityön neuvonta");
    }

    [Fact]
    public async Task ASaveTheUseCaseRefuses_KeepsWhatWasTyped_AndShowsItsErrors()
    {
        _directory.Errors = [DirectoryContactRules.Errors.MunicipalityNotCovered, DirectoryErrors.NotYours];
        var saved = 0;
        var form = Render<DirectoryContactForm>(p => p.Add(f => f.Entry, Row).Add(f => f.OnSaved, () => saved++));

        await form.Find("input[data-testid=directory-form-name]").ChangeAsync(new ChangeEventArgs { Value = "Uusi neuvonta" });
        await form.Find("input[data-testid=directory-form-email]").ChangeAsync(new ChangeEventArgs { Value = "neuvonta@helsinki.demo.test" });
        await form.Find("form").SubmitAsync();

        _directory.Sent.ShouldBe([SaveDirectoryContactCommand.From(Row) with { Name = "Uusi neuvonta", SecureEmail = "neuvonta@helsinki.demo.test" }]);
        form.WaitForAssertion(() => form.Find("[data-testid=form-error]").TextContent.ShouldBe("Vain organisaation oma pääkäyttäjä voi muuttaa sen yhteystietoja."));
        form.Markup.ShouldContain("Kunta ei kuulu organisaatiosi alueeseen.");
        form.Find("input[data-testid=directory-form-name]").GetAttribute("value").ShouldBe("Uusi neuvonta");
        form.Find("input[data-testid=directory-form-email]").GetAttribute("value").ShouldBe("neuvonta@helsinki.demo.test");
        saved.ShouldBe(0);

        _directory.Errors = null;
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() => saved.ShouldBe(1));
    }

    [Fact]
    public async Task TheEmergencyHours_AreAskedOnlyForTheSocialEmergencyService()
    {
        var form = Render<DirectoryContactForm>(p => p.Add(f => f.Entry, Row with { Function = DirectoryFunction.SocialEmergencyService, EmergencyHours = "24/7" }));
        form.FindAll("input[data-testid=directory-form-emergency-hours]").Count.ShouldBe(1);
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() => _directory.Sent.Single().EmergencyHours.ShouldBe("24/7"));

        var other = Render<DirectoryContactForm>(p => p.Add(f => f.Entry, Row));
        other.FindAll("input[data-testid=directory-form-emergency-hours]").ShouldBeEmpty();
    }

    private sealed class FakePartnerDirectory : IPartnerDirectory
    {
        public List<SaveDirectoryContactCommand> Sent { get; } = [];

        public IReadOnlyList<Error>? Errors { get; set; }

        public Task<Result> SaveAsync(SaveDirectoryContactCommand command, CancellationToken cancellationToken = default)
        {
            Sent.Add(command);
            return Task.FromResult(Errors is { Count: > 0 } errors ? Result.Failure(errors) : Result.Success());
        }

        public Task<Result<Page<DirectoryContactRow>>> SearchAsync(DirectorySearchQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<Page<DirectoryContactRow>>> MineAsync(PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> RemoveAsync(Guid id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> ConfirmAsync(Guid id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<IReadOnlyList<DirectoryContactRow>>> ForCaseAsync(string homeMunicipalityCode, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<IReadOnlyList<DirectoryContactRow>>> ForReferralAsync(Guid senderOrganisationId, Guid receiverOrganisationId, string municipalityCode, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
