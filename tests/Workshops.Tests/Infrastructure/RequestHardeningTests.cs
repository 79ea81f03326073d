using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>Unauthenticated requests that used to answer 500 (with a stack trace in the log) get a clean 4xx or 3xx.</summary>
[Trait("Kind", "Security")]
public sealed class RequestHardeningTests : IDisposable
{
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient NoRedirects() =>
        _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/workshops/rauma-yksinaisyys")]
    [InlineData("PUT", "/workshops/rauma-yksinaisyys")]
    [InlineData("DELETE", "/privacy")]
    [InlineData("PATCH", "/organiser/sign-in")]
    [InlineData("PROPFIND", "/")]
    public async Task AMethodNoPageHandlesAnswers405(string method, string path)
    {
        var response = await NoRedirects().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("x-unknown")]
    [InlineData("utf-16")]
    public async Task AFormPostedInAnotherCharsetIsRefusedWith415(string charset)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("Input.Name=+AGEAYgBj-"));
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/x-www-form-urlencoded; charset={charset}");
        var response = await NoRedirects().PostAsync("/workshops/rauma-yksinaisyys", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json", "{}")]
    [InlineData("text/plain", "Input.Name=Aino")]
    [InlineData("application/xml", "<a/>")]
    [InlineData(null, "")]
    public async Task APostThatIsNotAFormIsRefusedWith415EvenWithTheAntiforgeryTokenInAHeader(string? contentType, string body)
    {
        // Found by a breaker: the token in the RequestVerificationToken header passed antiforgery, and the registration
        // form's custom questions then read Request.Form from a JSON body (500).
        var browser = _app.Browser();
        var page = await Html.GetAsync(browser, "/workshops/rauma-yksinaisyys");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/workshops/rauma-yksinaisyys")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        request.Headers.Add("RequestVerificationToken", page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Registrations.CountAsync()));
    }

    [Theory]
    [InlineData("/workshops/rauma-yksinaisyys/registered", "/workshops/rauma-yksinaisyys")]
    [InlineData("/workshops/rauma-yksinaisyys/results", "/workshops/rauma-yksinaisyys")]
    [InlineData("/privacy", "/workshops/rauma-yksinaisyys")]
    public async Task APostToAPageWithoutAHandlerForItAnswers405(string path, string formPage)
    {
        // Found by a breaker: Razor Pages rendered the page without running any handler, so nothing was loaded (500).
        var browser = _app.Browser();
        var page = await Html.GetAsync(browser, formPage);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await browser.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task BytesThatAreNotUtf8GetAMessageAtTheirFieldAndNothingIsStored()
    {
        // Found by a breaker: the form reader turns undecodable bytes into U+FFFD, which was stored as if typed.
        var browser = _app.Browser();
        var page = await Html.GetAsync(browser, "/workshops/rauma-yksinaisyys");
        var response = await Html.SubmitAsync(browser, page, People.Registration("NAMEHERE", "bytes@example.fi"), body: bytes =>
        {
            var text = Encoding.ASCII.GetString(bytes);
            var at = text.IndexOf("NAMEHERE", StringComparison.Ordinal);
            return [.. bytes[..at], .. "Aino "u8.ToArray(), 0xFF, 0xFE, .. bytes[(at + "NAMEHERE".Length)..]];
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await Html.ParseAsync(response);
        Assert.Equal("Poista tekstistä rivinvaihdot ja erikoismerkit.", answer.Text("#Input_Name-error"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Registrations.CountAsync()));
    }

    [Theory]
    [InlineData("/workshops/ä")]
    [InlineData("/privacy?q=漢字 x")]
    public async Task ANonAsciiReturnUrlOnTheLanguageSwitchRedirectsPercentEncoded(string returnUrl)
    {
        var response = await NoRedirects().GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location.All(c => c is > ' ' and < (char)127), location);
        Assert.Equal(returnUrl, Uri.UnescapeDataString(location));
    }

    [Fact]
    public async Task ANonAsciiReturnUrlOnSignInNeverAnswers500()
    {
        await Organisers.CreateAsync(_app);
        var landed = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password,
            "/organiser/sign-in?ReturnUrl=" + Uri.EscapeDataString("/organiser/ä"));
        Assert.True((int)landed.StatusCode < 500, landed.StatusCode.ToString());
    }

    [Theory]
    [InlineData("/organiser/ä")]
    [InlineData("/organiser/report?q=漢字\u202E")]
    public async Task SignInAndSignOutWithANonAsciiReturnUrlRedirectWithAnAsciiLocation(string returnUrl)
    {
        // Found by the attack-minded pass: the cookie handler itself honours ?ReturnUrl= on the sign-in and sign-out
        // paths and wrote it raw into Location; Kestrel refuses a non-ASCII header, so a browser (whose form posts
        // back to the page's own URL, query included) got a 500. Served by Kestrel: the in-memory test server
        // checks no header characters (which is why ANonAsciiReturnUrlOnSignInNeverAnswers500 passed).
        using var served = new WorkshopsFactory();
        served.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        served.StartServer();
        var address = served.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await Organisers.CreateAsync(served);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(address),
        };
        var query = "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var signedIn = await Organisers.SubmitSignInAsync(browser, Organisers.Email, Organisers.Password, "/organiser/sign-in" + query);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var location = signedIn.Headers.Location!.OriginalString;
        Assert.True(location.All(c => c is > ' ' and < (char)127), location);
        Assert.Equal(returnUrl, Uri.UnescapeDataString(location));

        var dashboard = await Html.ParseAsync(await browser.GetAsync("/organiser"));
        var token = dashboard.QuerySelector("form.sign-out input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signedOut = await browser.PostAsync("/organiser/sign-out" + query, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.True(signedOut.Headers.Location!.OriginalString.All(c => c is > ' ' and < (char)127), signedOut.Headers.Location.OriginalString);
    }

    [Theory]
    [InlineData("/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/manage/short")]
    public async Task PersonalPagesAreNeverCachedNorLeakedInReferrers(string path)
    {
        var response = await NoRedirects().GetAsync(path);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
