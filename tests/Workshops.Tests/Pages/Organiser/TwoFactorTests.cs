using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>Two-step sign-in with an authenticator app: set up with the key or its QR code, then asked at every sign-in.</summary>
public sealed class TwoFactorTests : IDisposable
{
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Starts the set-up on the page and returns the key it shows as text (spaces removed).</summary>
    private static async Task<string> StartSetUpAsync(HttpClient organiser)
    {
        var page = await Html.GetAsync(organiser, "/organiser/two-factor");
        var started = await Html.ParseAsync(await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), "form.two-factor-start"));
        var qr = started.QuerySelector("img.two-factor-qr")!;
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(qr.GetAttribute("alt")));
        return started.Text(".two-factor-key").Replace(" ", "", StringComparison.Ordinal);
    }

    private static async Task<AngleSharp.Dom.IDocument> ConfirmAsync(HttpClient organiser, string code) =>
        await Html.ParseAsync(await Html.SubmitAsync(organiser, await Html.GetAsync(organiser, "/organiser/two-factor"),
            new Dictionary<string, string?> { ["Code"] = code }, "form.two-factor-confirm"));

    [Fact]
    public async Task AnOrganiserWithTheAppIsAskedForItsCodeAfterThePassword()
    {
        var organiser = await Organisers.SignedInAsync(_app);
        var key = await StartSetUpAsync(organiser);

        var wrong = await ConfirmAsync(organiser, Totp.WrongCode(key));
        Assert.Contains("Koodi on väärin", wrong.Text("#code-error"));
        var confirmed = await ConfirmAsync(organiser, Totp.Code(key));
        Assert.Equal("/organiser", confirmed.Location.PathName);
        Assert.Contains("Todennussovellus on käytössä.", confirmed.Text(".outcome"));

        // The secret is stored encrypted: the key shown is nowhere in the tokens table.
        var stored = await _app.WithDbAsync(db => db.UserTokens.AsNoTracking().Select(t => t.Value).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, v => v != null && v.Contains(key, StringComparison.OrdinalIgnoreCase));

        var browser = _app.Browser();
        var afterPassword = await Organisers.SubmitSignInAsync(browser, Organisers.Email, Organisers.Password);
        var codePage = await Html.ParseAsync(afterPassword);
        Assert.Equal("/organiser/sign-in/code", codePage.Location.PathName);
        Assert.Equal("/organiser/sign-in", (await browser.GetAsync("/organiser")).RequestMessage!.RequestUri!.AbsolutePath);

        var refused = await Html.ParseAsync(await Html.SubmitAsync(browser, await Html.GetAsync(browser, "/organiser/sign-in/code"),
            new Dictionary<string, string?> { ["Code"] = Totp.WrongCode(key) }));
        Assert.Contains("Koodi on väärin", refused.Text(".error-summary"));
        var signedIn = await Html.SubmitAsync(browser, await Html.GetAsync(browser, "/organiser/sign-in/code"),
            new Dictionary<string, string?> { ["Code"] = Totp.Code(key) });
        Assert.Equal("/organiser", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TheCodePageWithoutTheRightPasswordFirstSendsBackToThePassword()
    {
        var response = await _app.Browser().GetAsync("/organiser/sign-in/code");

        Assert.Equal("/organiser/sign-in", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task WhenTheSettingRequiresItAnOrganiserWithoutTheAppCanOnlySetItUp()
    {
        using var app = new WorkshopsFactory(settings: new Dictionary<string, string?> { ["Organisers:RequireTwoFactor"] = "true" });
        var organiser = await Organisers.SignedInAsync(app, landsOn: "/organiser/two-factor");

        var dashboard = await organiser.GetAsync("/organiser/report");
        Assert.Equal("/organiser/two-factor", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
        var key = await StartSetUpAsync(organiser);
        Assert.Equal("/organiser", (await ConfirmAsync(organiser, Totp.Code(key))).Location.PathName);
        Assert.Equal("/organiser/report", (await organiser.GetAsync("/organiser/report")).RequestMessage!.RequestUri!.AbsolutePath);

        // Required: it cannot be turned off.
        var page = await Html.GetAsync(organiser, "/organiser/two-factor");
        Assert.Null(page.QuerySelector("form.two-factor-disable"));
        Assert.Contains("Ylläpitäjä edellyttää", page.Text("main"));
    }

    [Fact]
    public async Task AnOrganiserTurnsTheAppOffWithACurrentCode()
    {
        var organiser = await Organisers.SignedInAsync(_app);
        var key = await StartSetUpAsync(organiser);
        await ConfirmAsync(organiser, Totp.Code(key));

        var off = await Html.SubmitAsync(organiser, await Html.GetAsync(organiser, "/organiser/two-factor"),
            new Dictionary<string, string?> { ["Code"] = Totp.Code(key) }, "form.two-factor-disable");
        Assert.Equal("/organiser", off.RequestMessage!.RequestUri!.AbsolutePath);

        var again = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", again.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
