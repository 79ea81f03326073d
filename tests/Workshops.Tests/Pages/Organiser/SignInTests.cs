using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Pages.Organiser;

public sealed class SignInTests : IDisposable
{
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static HttpClient NoRedirects(WorkshopsFactory app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task OrganiserSignsInThroughTheFormAndSeesTheWorkshops()
    {
        await Organisers.CreateAsync(_app);
        var browser = _app.Browser();

        var response = await Organisers.SubmitSignInAsync(browser, Organisers.Email, Organisers.Password);

        var page = await Html.ParseAsync(response);
        Assert.Equal("/organiser", page.Location.PathName);
        Assert.Equal("Työpajat", page.Text("h1"));
        Assert.Equal(5, page.QuerySelectorAll("table.dashboard tbody tr").Length);
        Assert.Contains(Organisers.Email, page.Text(".signed-in-as"));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((Organisers.Email, AuditAction.SignedIn), (entry.Actor, entry.Action));
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithAMessageAndLeavesTheAreaClosed()
    {
        await Organisers.CreateAsync(_app);
        var browser = _app.Browser();

        var response = await Organisers.SubmitSignInAsync(browser, Organisers.Email, "väärä salasana tässä");

        var page = await Html.ParseAsync(response);
        Assert.Equal("/organiser/sign-in", page.Location.PathName);
        Assert.Contains("Sähköposti tai salasana on väärin.", page.Text(".error-summary"));
        Assert.Equal("", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Password")!).Value);
        var dashboard = await browser.GetAsync("/organiser");
        Assert.Equal("/organiser/sign-in", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task UnknownEmailGetsTheSameAnswerAsAWrongPassword()
    {
        var response = await Organisers.SubmitSignInAsync(_app.Browser(), "nobody@example.fi", Organisers.Password);

        Assert.Contains("Sähköposti tai salasana on väärin.", (await Html.ParseAsync(response)).Text(".error-summary"));
    }

    [Fact]
    public async Task SigningOutClosesTheAreaAgain()
    {
        var browser = await Organisers.SignedInAsync(_app);
        var dashboard = await Html.GetAsync(browser, "/organiser");

        var response = await Html.SubmitAsync(browser, dashboard, new Dictionary<string, string?>(), "form.sign-out");

        Assert.Equal("/organiser/sign-in", response.RequestMessage!.RequestUri!.AbsolutePath);
        var again = await browser.GetAsync("/organiser");
        Assert.Equal("/organiser/sign-in", again.RequestMessage!.RequestUri!.AbsolutePath);
        var actions = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.SignedIn, AuditAction.SignedOut], actions);
    }

    [Fact]
    public async Task AfterSignInTheOrganiserLandsWhereTheyWereGoingButNeverOffSite()
    {
        await Organisers.CreateAsync(_app);
        var client = NoRedirects(_app);
        var challenge = await client.GetAsync("/organiser/password");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var signInPath = challenge.Headers.Location!.OriginalString;
        Assert.StartsWith("/organiser/sign-in?ReturnUrl=%2Forganiser%2Fpassword", signInPath);

        var landed = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password, signInPath);
        Assert.Equal("/organiser/password", landed.RequestMessage!.RequestUri!.AbsolutePath);

        var offSite = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password,
            "/organiser/sign-in?ReturnUrl=" + Uri.EscapeDataString("https://evil.example/"));
        Assert.Equal("/organiser", offSite.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task OrganiserChangesTheirPasswordAndOnlyTheNewOneWorksAfterwards()
    {
        var browser = await Organisers.SignedInAsync(_app);
        var form = await Html.GetAsync(browser, "/organiser/password");
        const string newPassword = "uusi vielä parempi salasana";

        var tooShort = await Html.ParseAsync(await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = Organisers.Password,
            ["Input.NewPassword"] = "lyhyt",
            ["Input.ConfirmPassword"] = "lyhyt",
        }));
        Assert.Contains("vähintään 12 merkkiä", tooShort.Text(".error-summary"));

        var changed = await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = Organisers.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        var page = await Html.ParseAsync(changed);
        Assert.Equal("/organiser", page.Location.PathName);
        Assert.Contains("Salasana on vaihdettu.", page.Text(".outcome"));

        var old = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser/sign-in", old.RequestMessage!.RequestUri!.AbsolutePath);
        var fresh = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, newPassword);
        Assert.Equal("/organiser", fresh.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ThePasswordFormIsCheckedOnTheServerWithEveryMessageInTheOrganisersLanguage()
    {
        var browser = await Organisers.SignedInAsync(_app);
        var form = await Html.GetAsync(browser, "/organiser/password");
        Assert.NotNull(form.QuerySelector("form.password-form[novalidate]"));
        Assert.Empty(form.QuerySelectorAll("form.password-form [required], form.password-form [minlength]"));

        var empty = await Html.ParseAsync(await Html.SubmitAsync(browser, form, new Dictionary<string, string?>(), "form.password-form"));
        var mismatch = await Html.ParseAsync(await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = Organisers.Password,
            ["Input.NewPassword"] = "uusi vielä parempi salasana",
            ["Input.ConfirmPassword"] = "uusi vielä parempi salasanA",
        }, "form.password-form"));

        Assert.Equal(["Kirjoita nykyinen salasanasi.", "Kirjoita uusi salasana."], empty.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()));
        Assert.Equal("#Input_CurrentPassword", empty.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("true", empty.QuerySelector("#Input_NewPassword")!.GetAttribute("aria-invalid"));
        Assert.Equal("Uudet salasanat eivät ole samat.", mismatch.Text("#Input_ConfirmPassword-error"));
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyAndStrictSameSite()
    {
        await Organisers.CreateAsync(_app);
        var client = NoRedirects(_app);
        var form = await Html.ParseAsync(await client.GetAsync("/organiser/sign-in"));

        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string?>
        {
            ["Input.Email"] = Organisers.Email,
            ["Input.Password"] = Organisers.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("workshops.organiser=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
