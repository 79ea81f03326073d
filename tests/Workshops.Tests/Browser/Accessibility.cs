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
        // Passes and inapplicable rules are not needed, and carrying them back costs time.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Runs axe on the page as it is now and fails listing every violation, its impact and the elements.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        // RunAxe opens a blank page for every run to merge the results of frames: 1.5–4 s a run on this shared
        // machine, against 0.3–0.6 s for the single-frame ("legacy") run of the same rules. Our pages have no
        // frames, so nothing is lost. Should a later package remove it, RunAxe(page, WcagAa) is the drop-in.
#pragma warning disable CS0618 // obsolete: "Legacy Mode is being removed in the future"
        var result = await page.RunAxeLegacy(options: WcagAa);
#pragma warning restore CS0618
        Assert.Empty(await page.Locator("iframe").AllAsync()); // the legacy run would not look inside frames
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
