using System.Globalization;
using System.Text;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// axe-core on the page as it stands: every violation goes to the test output, the "serious" and "critical" ones are kept
/// so that the test can fail on them at its end (after it has seen every page), with all of them in one message.
/// </summary>
public sealed class AxeAudit(ITestOutputHelper output)
{
    private readonly List<string> _blocking = [];

    public IReadOnlyList<string> Blocking => _blocking;

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
            if (violation.Impact is "serious" or "critical")
            {
                _blocking.Add($"{step}: {text}");
            }
        }
    }

    /// <summary>Fails with every serious or critical violation seen so far.</summary>
    public void ShouldHaveNoBlockingViolations() =>
        _blocking.ShouldBeEmpty(string.Join(Environment.NewLine, _blocking));

    private static string Checks(Deque.AxeCore.Commons.AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }
            .Where(checks => checks is not null)
            .SelectMany(checks => checks!)
            .Select(check => check.Message));
}
