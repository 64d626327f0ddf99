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

    /// <summary>
    /// Violations inside MudBlazor's own markup that our components cannot reach, as (rule, CSS selector the
    /// flagged element must match). Only that rule on exactly those elements is waived; anything else still fails.
    /// </summary>
    private static readonly (string Rule, string Selector, string Why)[] MudBlazorInternals =
    [
        // MudAutocomplete's drop-down arrow: an icon button MudBlazor renders without a name. It is out of the
        // tab order (tabindex=-1) and the combobox input itself is labelled, so keyboard and screen reader users
        // lose nothing. (MunicipalityPicker could try AdornmentAriaLabel; see the report.)
        ("button-name", ".mud-autocomplete button.mud-input-adornment-icon-button[tabindex='-1']", "MudAutocomplete toggle button"),
    ];

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
            var blockingNodes = 0;
            foreach (var node in violation.Nodes)
            {
                var waived = await WaivedAsync(session.Page, violation.Id, node.Target.ToString());
                text.AppendLine()
                    .Append(CultureInfo.InvariantCulture, $"      at {node.Target}{(waived is null ? "" : $" [waived: {waived}]")}: {node.Html}")
                    .AppendLine()
                    .Append(CultureInfo.InvariantCulture, $"         {Checks(node)}");
                blockingNodes += waived is null ? 1 : 0;
            }

            output.WriteLine(text.ToString());
            if (serious && blockingNodes > 0)
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

    /// <summary>The reason when the flagged element is one of <see cref="MudBlazorInternals"/> for this rule.</summary>
    private static async Task<string?> WaivedAsync(IPage page, string rule, string target)
    {
        foreach (var (waivedRule, selector, why) in MudBlazorInternals)
        {
            if (waivedRule == rule
                && await page.Locator(target).First.EvaluateAsync<bool>("(element, selector) => element.matches(selector)", selector))
            {
                return why;
            }
        }

        return null;
    }
}
