using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Workshops.Tests.Browser;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) with the WCAG 2.0 and 2.1 level A and AA rules. Use it on any page,
/// public or organiser: <c>await Accessibility.AssertNoViolationsAsync(page, "attendee list");</c>
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Runs axe on the page as it is now and fails listing every violation, its impact and the elements.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        var result = await page.RunAxe(WcagAa);
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe found {result.Violations.Length} WCAG 2.1 AA violation(s) on {state} ({page.Url}):\n");
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    {node.Target}  {node.Html}");
            }
        }

        Assert.Fail(report.ToString());
    }
}
