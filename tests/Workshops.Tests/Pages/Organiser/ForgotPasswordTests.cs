using System.Net;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>A forgotten password recovered by email (issue 25): one-use link, the same answer for any address, old sessions end.</summary>
public sealed class ForgotPasswordTests : SignedInOrganiser
{
    private async Task<string> AskAsync(string email)
    {
        var browser = App.Browser();
        var page = await Html.GetAsync(browser, "/organiser/forgot-password");
        var answer = await Html.ParseAsync(await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["Email"] = email }));
        return answer.QuerySelector("main")!.TextContent;
    }

    [Fact]
    public async Task TheResetLinkArrivesWorksOnceAndEndsEveryOldSession()
    {
        Assert.Equal(HttpStatusCode.OK, (await Organiser.GetAsync("/organiser")).StatusCode);
        await AskAsync(Organisers.Email);
        var message = await MembersTests.MessageToAsync(App, Organisers.Email);
        Assert.Equal("Uusi salasana järjestäjätunnukseesi", message.Subject);
        var link = MembersTests.LinkTo(message, "reset-password");

        var browser = App.Browser();
        var form = await Html.GetAsync(browser, link);
        var done = await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = "aivan uusi pitkä lause",
            ["Input.ConfirmPassword"] = "aivan uusi pitkä lause",
        });
        Assert.Equal("/organiser/sign-in", done.RequestMessage!.RequestUri!.AbsolutePath);

        // The session from before the reset is refused at its next request.
        Assert.Equal("/organiser/sign-in", (await Organiser.GetAsync("/organiser")).RequestMessage!.RequestUri!.AbsolutePath);

        var again = await Html.GetAsync(App.Browser(), link);
        Assert.Contains("Linkki ei enää toimi", again.Body!.TextContent);

        var signedIn = await Organisers.SubmitSignInAsync(App.Browser(), Organisers.Email, "aivan uusi pitkä lause");
        Assert.Equal("/organiser", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AnUnknownAddressGetsTheSamePageAndNoEmail()
    {
        var unknown = await AskAsync("nobody@example.fi");
        var known = await AskAsync(Organisers.Email);
        Assert.Equal(known, unknown);
        Assert.Contains("Jos osoite kuuluu järjestäjätiimin jäsenelle", known);

        // The outbox sends in order: once the member's link is written, a message to the unknown address would be too.
        await MembersTests.MessageToAsync(App, Organisers.Email);
        Assert.Single(Directory.GetFiles(App.PickupDirectory, "*.eml"));
    }

    [Fact]
    public async Task AnAlteredLinkSetsNothing()
    {
        await AskAsync(Organisers.Email);
        var link = MembersTests.LinkTo(await MembersTests.MessageToAsync(App, Organisers.Email), "reset-password");
        var page = await Html.GetAsync(App.Browser(), link.Replace("token=", "token=x", StringComparison.Ordinal));
        Assert.Contains("Linkki ei enää toimi", page.Body!.TextContent);
    }
}
