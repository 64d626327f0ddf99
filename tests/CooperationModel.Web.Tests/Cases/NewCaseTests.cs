using Bunit;
using CooperationModel.Application.Cases.FindClient;
using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Web.Components.Pages.Cases;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CooperationModel.Web.Tests.Cases;

/// <summary>A new case for an identity code the district knows: the existing client first, and a new name only when confirmed.</summary>
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

    private sealed class FakeOpen : IOpenCaseHandler
    {
        public Task<Result<Guid>> HandleAsync(OpenCaseCommand command, CancellationToken cancellationToken = default) =>
            Task.FromResult(Result<Guid>.Success(Guid.NewGuid()));
    }

    private sealed class FakeFind : IFindClientHandler
    {
        public List<string> Codes { get; } = [];

        public KnownClient? Answer { get; set; }

        public Task<KnownClient?> HandleAsync(string identityCode, CancellationToken cancellationToken = default)
        {
            Codes.Add(identityCode);
            return Task.FromResult(Answer);
        }
    }
}
