using System.Net;
using System.Text;
using Workshops.Tests.Support;

namespace Workshops.Tests.Security;

/// <summary>Unauthenticated requests that used to answer 500 (with a stack trace in the log) get a clean 4xx or 3xx.</summary>
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
    [InlineData("/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/manage/short")]
    public async Task PersonalPagesAreNeverCachedNorLeakedInReferrers(string path)
    {
        var response = await NoRedirects().GetAsync(path);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
