using System.Globalization;
using Bunit;
using CooperationModel.Application.Cases.FindClient;
using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Web.Components.Pages.Cases;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CooperationModel.Web.Tests.Cases;

/// <summary>
/// The new-case form: a known identity code shows the existing client first, and a new name only when confirmed; the
/// fields speak after a failed save and of a text too long.
/// </summary>
public sealed class NewCaseTests : ComponentTestContext
{
    private const string Code = "010190-900P";
    private readonly FakeOpen _open = new();
    private readonly FakeFind _find = new();

    public NewCaseTests()
    {
        Services.AddSingleton<IOpenCaseHandler>(_open);
        Services.AddSingleton<IFindClientHandler>(_find);
    }

    [Fact]
    public void IdentityCode_KnownClientUnderAnotherName_ShowsTheClientTheirCasesAndAsksToConfirm()
    {
        var caseId = Guid.NewGuid();
        _find.Answer = new KnownClient(["Maija Meikäläinen"], [new KnownCase(caseId, "Maija Meikäläinen", new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), CaseStage.Guidance)]);
        Render<MudPopoverProvider>();
        var page = Render<NewCase>();

        page.Find("input[data-testid=client-name]").Change("Maija Virtanen");
        page.Find("input[data-testid=identity-code]").Change(Code);

        page.WaitForAssertion(() => page.Find("[data-testid=known-client]").TextContent.ShouldContain("Piiri tuntee tämän asiakkaan: Maija Meikäläinen"));
        page.Find("[data-testid=known-cases] a").GetAttribute("href").ShouldBe($"cases/{caseId}");
        page.FindAll("[data-testid=confirm-name-change]").ShouldNotBeEmpty();
        _find.Codes.ShouldContain(Code);
    }

    [Fact]
    public void IdentityCode_KnownClientUnderTheSameName_NoConfirmationAsked()
    {
        _find.Answer = new KnownClient(["Maija Meikäläinen"], [new KnownCase(Guid.NewGuid(), "Maija Meikäläinen", DateTimeOffset.UtcNow, CaseStage.Guidance)]);
        Render<MudPopoverProvider>();
        var page = Render<NewCase>();

        page.Find("input[data-testid=client-name]").Change("Maija Meikäläinen");
        page.Find("input[data-testid=identity-code]").Change(Code);

        page.WaitForAssertion(() => page.FindAll("[data-testid=known-client]").ShouldNotBeEmpty());
        page.FindAll("[data-testid=confirm-name-change]").ShouldBeEmpty();
    }

    [Fact]
    public void Type_InvalidCodeAfterAFailedSave_ShowsTheChecksumError()
    {
        var form = RenderForm();
        form.Find("form").Submit();
        form.WaitForAssertion(() => ErrorTextOf(form, "identity-code").ShouldNotBeNull());

        form.Find("input[data-testid=identity-code]").Change("010190-9000");

        form.WaitForAssertion(() => ErrorTextOf(form, "identity-code").ShouldBe("Henkilötunnuksen tarkistusmerkki ei täsmää."));
        form.Find("form").Submit();
        form.WaitForAssertion(() => ErrorTextOf(form, "identity-code").ShouldBe("Henkilötunnuksen tarkistusmerkki ei täsmää."));
        _open.Commands.ShouldBeEmpty();
    }

    [Fact]
    public void Type_NameOverTheLimit_KeepsItAllAndSaysItIsTooLong()
    {
        var name = new string('a', 255);
        var form = RenderForm();
        var input = form.Find("input[data-testid=client-name]");
        int.Parse(input.GetAttribute("maxlength")!, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(name.Length);

        input.Change(name);
        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "client-name").ShouldBe("Nimi on liian pitkä (enintään 200 merkkiä)."));
        form.Find("input[data-testid=client-name]").GetAttribute("value").ShouldBe(name);
        FieldOf(form, "client-name").QuerySelector(".mud-input-helper-text .ms-auto")!.TextContent.ShouldBe("255 / 200");
        _open.Commands.ShouldBeEmpty();
    }

    [Fact]
    public void IdentityCode_LookUpCannotReachTheDatabase_FormStaysWithWhatWasTyped()
    {
        _find.Down = true;
        var page = RenderForm();

        page.Find("input[data-testid=client-name]").Change("Maija Virtanen");
        page.Find("input[data-testid=identity-code]").Change(Code);

        page.WaitForAssertion(() => _find.Codes.ShouldContain(Code));
        page.FindAll("[data-testid=known-client]").ShouldBeEmpty();
        page.Find("input[data-testid=identity-code]").GetAttribute("value").ShouldBe(Code);
        page.Find("input[data-testid=client-name]").GetAttribute("value").ShouldBe("Maija Virtanen");
    }

    private IRenderedComponent<NewCase> RenderForm()
    {
        RenderPopoverProvider();
        return Render<NewCase>();
    }

    private sealed class FakeOpen : IOpenCaseHandler
    {
        public List<OpenCaseCommand> Commands { get; } = [];

        public Task<Result<Guid>> HandleAsync(OpenCaseCommand command, CancellationToken cancellationToken = default)
        {
            Commands.Add(command);
            return Task.FromResult(Result<Guid>.Success(Guid.NewGuid()));
        }
    }

    private sealed class FakeFind : IFindClientHandler
    {
        public List<string> Codes { get; } = [];

        public KnownClient? Answer { get; set; }

        /// <summary>The database cannot be reached: the look-up fails as Npgsql fails to connect.</summary>
        public bool Down { get; set; }

        public Task<KnownClient?> HandleAsync(string identityCode, CancellationToken cancellationToken = default)
        {
            Codes.Add(identityCode);
            return Down
                ? Task.FromException<KnownClient?>(new Npgsql.NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)))
                : Task.FromResult(Answer);
        }
    }
}
