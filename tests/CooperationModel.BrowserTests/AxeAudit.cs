using System.Globalization;
using System.Text;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// axe-core on the page as it stands: every violation, of any impact (minor and moderate too), goes to the test output and
/// is kept, so that the test fails on it at its end (after it has seen every page), with all of them in one message.
/// </summary>
public sealed class AxeAudit(ITestOutputHelper output)
{
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations => _violations;

    public async Task CheckAsync(UserSession session, string step)
    {
        await session.ScreenshotAsync(step);
        var result = await session.Page.RunAxe();
        output.WriteLine($"axe {step}: {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed ({session.Page.Url})");
        foreach (var violation in result.Violations)
        {
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
            _violations.Add($"{step}: {text}");
        }
    }

    /// <summary>Fails with every violation seen so far, whatever its impact.</summary>
    public void ShouldHaveNoViolations() =>
        _violations.ShouldBeEmpty(string.Join(Environment.NewLine, _violations));

    private static string Checks(Deque.AxeCore.Commons.AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }
            .Where(checks => checks is not null)
            .SelectMany(checks => checks!)
            .Select(check => check.Message));
}
