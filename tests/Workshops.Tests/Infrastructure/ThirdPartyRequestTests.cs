using System.Collections.Concurrent;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Infrastructure;

/// <summary>Pages load every script, style, font and image from the site itself: nothing from a CDN, nothing to leak visits.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class ThirdPartyRequestTests(ChromiumFixture chromium, AllStatesSite site)
{
    [Fact]
    public async Task EveryPublicPageRequestsOnlyFromTheSiteItself()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        // Playwright raises these events on its own thread.
        var requests = new ConcurrentQueue<string>();
        var failedAssets = new ConcurrentQueue<string>();
        visitor.Request += (_, request) => requests.Enqueue(request.Url);
        visitor.Response += (_, response) =>
        {
            // Pages may answer 404 on purpose; the files they load may not.
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                failedAssets.Enqueue($"{response.Status} {response.Url}");
            }
        };
        var page = await visitor.NewPageAsync();

        foreach (var state in PublicPages.All)
        {
            await state.OpenAsync(page, site);
        }

        Assert.Contains(requests, r => r.Contains("/css/site.", StringComparison.Ordinal)); // the recording works
        var elsewhere = requests.Where(r => !r.StartsWith(site.Site.Origin + "/", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(elsewhere.Count == 0, "Requests to other origins:\n" + string.Join('\n', elsewhere));
        Assert.True(failedAssets.IsEmpty, "Files that failed to load:\n" + string.Join('\n', failedAssets.Distinct()));
    }
}
