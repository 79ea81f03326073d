using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Workshops.Tests.Support.Browser;

/// <summary>
/// The accessibility checks every page gets, public or organiser:
/// <c>await Accessibility.AssertAccessibleAsync(page, "attendee list");</c>
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        // WCAG 2.0 and 2.1 A and AA, plus axe's best practices (landmarks, a heading one, regions).
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        // Passes and inapplicable rules are not needed, and carrying them back costs time.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>The page's structure (landmarks, exactly one h1, a language), then axe.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string state)
    {
        var counts = await page.EvaluateAsync<int[]>("""
            () => [document.querySelectorAll('h1').length, document.querySelectorAll('main').length,
                   document.querySelectorAll('body > header').length, document.querySelectorAll('body > footer').length]
            """);
        Assert.True(counts is [1, 1, 1, 1], $"{state}: expected one h1, main, header and footer each, found {string.Join(", ", counts)}");
        Assert.False(string.IsNullOrEmpty(await page.Locator("html").GetAttributeAsync("lang")), $"{state}: <html> has no lang");

        await AssertNoViolationsAsync(page, state);
    }

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
