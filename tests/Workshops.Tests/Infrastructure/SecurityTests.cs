using System.Net;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

[Trait("Kind", "Security")]
public sealed class SecurityTests
{
    private const string Rauma = "rauma-yksinaisyys";

    private static WorkshopsFactory WithLimits(string name, int permits) => new(settings: new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        [$"RateLimiting:{name}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimiting:{name}:WindowSeconds"] = "600",
    });

    [Fact]
    public async Task RegistrationsBeyondTheLimitGetAFriendly429AndNothingIsSaved()
    {
        using var app = WithLimits("Registration", 3);
        var browser = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
            var ok = await Html.SubmitAsync(browser, form, People.Registration(email: $"p{i}@example.fi"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var page = await Html.GetAsync(browser, $"/workshops/{Rauma}"); // reading is never limited
        var refused = await Html.SubmitAsync(browser, page, People.Registration(email: "p3@example.fi"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After tells the client when to try again");
        Assert.Equal("Liian monta pyyntöä", (await Html.ParseAsync(refused)).Text("h1"));
        Assert.Equal(3, (await app.RegistrationsInFileAsync(Rauma)).Count);
    }

    [Fact]
    public async Task GuessingManageLinksIsSlowedDown()
    {
        using var app = WithLimits("Manage", 5);
        var browser = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/manage/" + new string((char)('a' + i), 43))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.GetAsync("/manage/" + new string('z', 43))).StatusCode);
    }

    [Fact]
    public async Task SignInAttemptsBeyondTheLimitGet429()
    {
        using var app = WithLimits("SignIn", 3);
        var browser = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await Organisers.SubmitSignInAsync(browser, "someone@example.org", "wrong password " + i);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, wrong.StatusCode);
        }

        var refused = await Organisers.SubmitSignInAsync(browser, "someone@example.org", "yet another guess");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task AFilledHoneypotSavesNothing()
    {
        using var app = new WorkshopsFactory();
        var browser = app.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        Assert.NotNull(form.QuerySelector(".trap input[name='Input.Website'][tabindex='-1']"));
        var values = People.Registration();
        values["Input.Website"] = "http://spam.example";

        var response = await Html.SubmitAsync(browser, form, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Lomaketta ei voitu käsitellä", (await Html.ParseAsync(response)).Text("h1"));
        Assert.Empty(await app.RegistrationsInFileAsync(Rauma));
    }

    [Fact]
    public async Task ResponsesCarryTheSecurityHeaders()
    {
        using var app = new WorkshopsFactory();
        var response = await app.CreateClient(new() { BaseAddress = new Uri("https://workshops.test") }).GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory]
    [InlineData("http://workshops.test", false)]
    [InlineData("https://workshops.test", true)]
    public async Task CookiesAreHttpOnlyAndSameSiteAndSecureOverHttps(string baseAddress, bool secure)
    {
        using var app = new WorkshopsFactory();
        var client = app.CreateClient(new() { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        var form = await client.GetAsync($"/workshops/{Rauma}");
        var cookies = form.Headers.GetValues("Set-Cookie").ToList();

        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=", c, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(secure, c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task OversizedFormFieldsAreRefusedBeforeAnythingIsStored()
    {
        using var app = new WorkshopsFactory();
        var browser = app.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        var values = People.Registration();
        values["Input.Needs"] = new string('x', 20_000);

        var response = await Html.SubmitAsync(browser, form, values);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"got {(int)response.StatusCode}");
        Assert.Empty(await app.RegistrationsInFileAsync(Rauma));
    }
}
