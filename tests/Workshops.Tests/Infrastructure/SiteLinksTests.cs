using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>Addresses the site hands out are built on Site__PublicBaseUrl, whatever host a request named.</summary>
public sealed class SiteLinksTests
{
    [Fact]
    public async Task TheWalkInFeedbackAddressOrganisersCopyIsOnThePublicBaseUrlEvenWhenAskedUnderAnotherHost()
    {
        using var app = new WorkshopsFactory();
        var organiser = await Organisers.SignedInAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/organiser/workshops/suomiareena-penkkikahvila/feedback");
        request.Headers.Host = "forged.example";

        var page = await Html.ParseAsync(await organiser.SendAsync(request));

        var link = Assert.Single(page.QuerySelectorAll("main a"), a => a.TextContent.Contains("/feedback", StringComparison.Ordinal));
        Assert.Equal("https://workshops.test/workshops/suomiareena-penkkikahvila/feedback", link.GetAttribute("href"));
        Assert.Equal(link.GetAttribute("href"), link.TextContent);
    }
}
