using System.Globalization;
using System.Text;
using CooperationModel.Infrastructure.Seeding;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>axe-core on the main pages: no "serious" or "critical" violations. Every violation is printed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Axe";

    private readonly List<string> _blocking = [];

    [Fact]
    public async Task Axe_MainPages_NoSeriousOrCriticalViolations()
    {
        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var page = handler.Page;
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoLoginAsync();
            await CheckAsync(handler, "login");

            await handler.SignInAsync(DemoDataSeeder.HandlerSouth);
            await Expect(page.GetByTestId("cases-table")).ToContainTextAsync("Maija Meikäläinen");
            await CheckAsync(handler, "cases");

            await page.GetByTestId("new-case").ClickAsync();
            await Expect(page.GetByTestId("client-name")).ToBeVisibleAsync();
            await CheckAsync(handler, "new-case");

            await handler.GotoAsync("cases");
            await page.GetByTestId("cases-table").GetByRole(AriaRole.Link, new() { Name = "Maija Meikäläinen" }).ClickAsync();
            await Expect(page.GetByTestId("case-client-name")).ToHaveTextAsync("Maija Meikäläinen");
            await Expect(page.GetByTestId("referral-form")).ToBeVisibleAsync();
            await CheckAsync(handler, "case");
        });

        await using var worker = await UserSession.OpenAsync(fixture, output, Test);
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await worker.GotoLoginAsync();
            await worker.SignInAsync(DemoDataSeeder.WorkerHelsinki);
            await Expect(worker.Page.GetByTestId("inbox-table")).ToContainTextAsync("Maija Meikäläinen");
            await CheckAsync(worker, "inbox");
        });

        _blocking.ShouldBeEmpty(string.Join(Environment.NewLine, _blocking));
    }

    private async Task CheckAsync(UserSession session, string name)
    {
        await session.ScreenshotAsync(name);
        var result = await session.Page.RunAxe();
        output.WriteLine($"axe {name}: {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed ({session.Page.Url})");
        foreach (var violation in result.Violations)
        {
            var serious = violation.Impact is "serious" or "critical";
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"  [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine()
                    .Append(CultureInfo.InvariantCulture, $"      at {node.Target}: {node.Html}")
                    .AppendLine()
                    .Append(CultureInfo.InvariantCulture, $"         {Checks(node)}");
            }

            output.WriteLine(text.ToString());
            if (serious)
            {
                _blocking.Add($"{name}: {text}");
            }
        }
    }

    private static string Checks(Deque.AxeCore.Commons.AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }
            .Where(checks => checks is not null)
            .SelectMany(checks => checks!)
            .Select(check => check.Message));
}
