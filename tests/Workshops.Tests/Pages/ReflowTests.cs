using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workshops.Tests.Pages.Organiser;
using Workshops.Tests.Support.Browser;
using Workshops.Web.Domain;
using Workshops.Web.Domain.IdeasWall;

namespace Workshops.Tests.Pages;

/// <summary>
/// Every page, public and organiser, in Finnish, Swedish and English, on a 320-pixel screen (WCAG 1.4.10): no sideways
/// scrolling, every link and button on the screen (or in a table that shows it scrolls), and no axe violation. Long
/// compounds ("Utvecklingsworkshoppar", "Ilmoittautuminen") must wrap, not push the page wider.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class ReflowTests(ChromiumFixture chromium, AllStatesSite site)
{
    private const int Width = 320;

    /// <summary>The organiser pages, with the workshop each is shown for.</summary>
    private static readonly string[] OrganiserPages =
    [
        "/organiser",
        $"/organiser/workshops/{AllStatesSite.Open}",
        $"/organiser/workshops/{AllStatesSite.Open}/check-in",
        $"/organiser/workshops/{AllStatesSite.Open}/check-in/code",
        $"/organiser/workshops/{AllStatesSite.WalkIn}/check-in",
        $"/organiser/workshops/{AllStatesSite.Open}/sign-in-sheet",
        $"/organiser/workshops/{AllStatesSite.Open}/edit",
        "/organiser/workshops/new",
        $"/organiser/workshops/{AllStatesSite.Open}/delete",
        $"/organiser/workshops/{AllStatesSite.Open}/publish",
        $"/organiser/workshops/{AllStatesSite.Open}/cancel",
        $"/organiser/workshops/{AllStatesSite.Open}/add",
        $"/organiser/workshops/{AllStatesSite.Open}/questions",
        $"/organiser/workshops/{AllStatesSite.Open}/question",
        $"/organiser/workshops/{AllStatesSite.Open}/message",
        $"/organiser/workshops/{AllStatesSite.Open}/reminder",
        $"/organiser/workshops/{AllStatesSite.Open}/results",
        $"/organiser/workshops/{AllStatesSite.Open}/recipients/new",
        $"/organiser/workshops/{AllStatesSite.WalkIn}/proposals",
        $"/organiser/workshops/{AllStatesSite.WalkIn}/poster",
        $"/organiser/workshops/{AllStatesSite.WalkIn}/feedback",
        "/organiser/report",
        $"/organiser/report?workshop={AllStatesSite.Open}",
        "/organiser/outcomes",
        "/organiser/messages",
        "/organiser/audit",
        "/organiser/password",
        "/organiser/two-factor",
        $"/organiser/workshops/{AllStatesSite.Open}/practical-information",
        $"/organiser/workshops/{AllStatesSite.Open}/accessibility",
        $"/organiser/workshops/{AllStatesSite.Hybrid}",
        $"/organiser/workshops/{AllStatesSite.Held}/roster",
        $"/organiser/workshops/{AllStatesSite.Held}/certificates",
        "/organiser/funder?from=2026-01-01&to=2028-12-31",
        "/organiser/notifications",
        "/organiser/members",
    ];

    /// <summary>A 320-pixel visitor whose language is chosen with the site's own switch (it outvotes a manage link's language too).</summary>
    private async Task<(IBrowserContext Context, IPage Page)> VisitorAsync(string language)
    {
        var context = await chromium.NewVisitorAsync(site.Site, language, width: Width, height: 640, deviceScaleFactor: 2);
        var page = await context.NewPageAsync();
        await page.OpenAsync($"/language/{language}");
        return (context, page);
    }

    private static async Task CheckAsync(IPage page, string state, List<string> failures)
    {
        try
        {
            await Reflow.AssertFitsAsync(page, state);
            await Accessibility.AssertAccessibleAsync(page, state);
        }
        catch (Exception ex) when (ex is Xunit.Sdk.XunitException)
        {
            failures.Add(ex.Message);
        }
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task EveryPublicPageFits320PixelsWithoutViolations(string language)
    {
        var (context, page) = await VisitorAsync(language);
        await using var _ = context;
        var failures = new List<string>();
        foreach (var state in PublicPages.All)
        {
            await state.OpenAsync(page, site);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            await CheckAsync(page, $"{state.Name} ({language})", failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task EveryOrganiserPageFits320PixelsWithoutViolations(string language)
    {
        var (context, page) = await VisitorAsync(language);
        await using var _ = context;
        var failures = new List<string>();
        await page.OpenAsync("/organiser/sign-in");
        await CheckAsync(page, $"sign-in ({language})", failures);
        await OrganiserBrowserTests.SignInAsync(page, site, $"reflow-{language}@example.fi");
        foreach (var path in OrganiserPages)
        {
            await page.OpenAsync(path);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            await CheckAsync(page, $"{path} ({language})", failures);
        }

        // The ideas wall's pages that need a proposal: merging one into another, and the confirmation before deleting.
        var proposal = await site.Site.App.WithDbAsync(async db =>
        {
            var bench = await db.Workshops.SingleAsync(w => w.Slug == AllStatesSite.WalkIn);
            var request = new ProposalRequest($"Lisää penkkejä rannalle ({language})", null, null, null, false, HelixGroup.Citizen, language);
            var added = Proposal.Create(bench.Id, request, site.Site.App.Time.GetUtcNow().UtcDateTime);
            db.Proposals.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        await page.OpenAsync($"/organiser/workshops/{AllStatesSite.WalkIn}/proposals/{proposal}/merge");
        await CheckAsync(page, $"merging a proposal ({language})", failures);
        await page.OpenAsync($"/organiser/workshops/{AllStatesSite.WalkIn}/proposals?state=New");
        await page.Locator($"#sel-{proposal}").CheckAsync();
        await page.Locator("form.bulk-actions button.button-danger").ClickAsync();
        await Assertions.Expect(page.Locator("form.delete-form")).ToBeVisibleAsync();
        await CheckAsync(page, $"deleting proposals: the confirmation ({language})", failures);

        // Practical information in its preview step (nothing saved until the second press).
        await OrganiserBrowserTests.PreviewPracticalInformationAsync(page);
        await CheckAsync(page, $"practical information in preview ({language})", failures);

        // The password form checked on the server: its error summary and messages fit too.
        await page.OpenAsync("/organiser/password");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await CheckAsync(page, $"password form with errors ({language})", failures);

        // The authenticator set-up is checked on the server too: an empty code gets the page's own message, not the
        // browser's bubble. (Its sign-in step, /organiser/sign-in/code, needs a two-step account: not visited here.)
        await page.OpenAsync("/organiser/two-factor");
        await page.Locator("form.two-factor-start button").ClickAsync();
        await page.Locator("form.two-factor-confirm button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await CheckAsync(page, $"authenticator set-up with an empty code ({language})", failures);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
