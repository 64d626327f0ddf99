using System.Globalization;
using Bunit;
using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Domain.Common;
using CooperationModel.Web.Components.Pages.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Cases;

public sealed class NewCaseFormTests : ComponentTestContext
{
    private readonly FakeOpenCase _openCase = new();

    public NewCaseFormTests()
    {
        Services.AddSingleton<IOpenCaseHandler>(_openCase);
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
        _openCase.Commands.ShouldBeEmpty();
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
        _openCase.Commands.ShouldBeEmpty();
    }

    private IRenderedComponent<NewCase> RenderForm()
    {
        RenderPopoverProvider();
        return Render<NewCase>();
    }

    private sealed class FakeOpenCase : IOpenCaseHandler
    {
        public List<OpenCaseCommand> Commands { get; } = [];

        public Task<Result<Guid>> HandleAsync(OpenCaseCommand command, CancellationToken cancellationToken = default)
        {
            Commands.Add(command);
            return Task.FromResult(Result<Guid>.Success(Guid.NewGuid()));
        }
    }
}
