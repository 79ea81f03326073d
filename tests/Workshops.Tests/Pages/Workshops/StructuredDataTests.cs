using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// The workshop page's JSON-LD data block lives with the strict Content-Security-Policy (script-src 'self', no
/// nonce, no 'unsafe-inline'): Chromium neither runs it nor reports a violation, and reads it as data.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class StructuredDataTests(ChromiumFixture chromium, AllStatesSite site)
{
    /// <summary>Runs before any page script (Playwright's init scripts are not subject to the page's CSP).</summary>
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task WorkshopPageCarriesItsEventDataWithoutAnyCspViolation()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await page.AddInitScriptAsync(RecordViolations);

        var response = await page.GotoAsync(site.Site.BaseAddress + $"workshops/{AllStatesSite.Open}");
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
        Assert.DoesNotContain("unsafe-inline", (await response.AllHeadersAsync())["content-security-policy"]);

        var type = await page.EvaluateAsync<string>("() => JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@type']");
        Assert.Equal("Event", type);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));

        // The recorder works: an inline script the page would run is refused and reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); }");
        await page.WaitForFunctionAsync("() => window.__csp.length > 0");
        Assert.Contains("script-src", (await page.EvaluateAsync<string[]>("() => window.__csp"))[0]);
    }
}
