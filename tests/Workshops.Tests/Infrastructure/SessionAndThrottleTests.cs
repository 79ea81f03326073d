using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>Sessions end when they should, and guessing cannot lock the real organiser out.</summary>
public sealed class SessionAndThrottleTests : IDisposable
{
    private readonly WorkshopsFactory _app = new(services: s => s.AddSingleton<IStartupFilter, ClientAddress>());

    public void Dispose() => _app.Dispose();

    private HttpClient From(string address)
    {
        var browser = _app.Browser();
        browser.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return browser;
    }

    private HttpClient WithCookieOf(HttpResponseMessage signedIn)
    {
        var copy = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = signedIn.RequestMessage!.Headers.GetValues("Cookie").Single(c => c.Contains("workshops.organiser"));
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
    }

    private static async Task<bool> OpensTheAreaAsync(HttpClient client) =>
        (await client.GetAsync("/organiser")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task SigningOutEndsACopiedSessionCookieToo()
    {
        var browser = await Organisers.SignedInAsync(_app);
        var dashboard = await browser.GetAsync("/organiser");
        var stolen = WithCookieOf(dashboard);
        Assert.True(await OpensTheAreaAsync(stolen), "the copied cookie works while signed in");

        await Html.SubmitAsync(browser, await Html.GetAsync(browser, "/organiser"), new Dictionary<string, string?>(), "form.sign-out");

        Assert.False(await OpensTheAreaAsync(stolen), "the copied cookie must stop working at sign-out");
    }

    [Fact]
    public async Task APasswordChangeEndsTheOrganisersOtherSessionsAtOnce()
    {
        var browser = await Organisers.SignedInAsync(_app);
        var other = _app.Browser();
        await Organisers.SubmitSignInAsync(other, Organisers.Email, Organisers.Password);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/organiser")).StatusCode);
        Assert.Equal("/organiser", (await other.GetAsync("/organiser")).RequestMessage!.RequestUri!.AbsolutePath);

        var form = await Html.GetAsync(browser, "/organiser/password");
        await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = Organisers.Password,
            ["Input.NewPassword"] = "uusi vielä parempi salasana",
            ["Input.ConfirmPassword"] = "uusi vielä parempi salasana",
        });

        // No clock moves: the other session ends at its very next request.
        Assert.Equal("/organiser/sign-in", (await other.GetAsync("/organiser")).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/organiser", (await browser.GetAsync("/organiser")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task GuessingFromOneAddressNeverLocksTheRealOrganiserOutElsewhere()
    {
        await Organisers.CreateAsync(_app);
        var attacker = From("203.0.113.5");
        for (var i = 0; i < 8; i++)
        {
            await Organisers.SubmitSignInAsync(attacker, Organisers.Email, $"väärä salasana {i}");
        }

        var throttled = await Html.ParseAsync(await Organisers.SubmitSignInAsync(attacker, Organisers.Email, Organisers.Password));
        Assert.Equal("/organiser/sign-in", throttled.Location.PathName);
        Assert.Contains("Yritä uudelleen 15 minuutin kuluttua.", throttled.Text(".error-summary"));

        var organiser = await Organisers.SubmitSignInAsync(From("198.51.100.7"), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", organiser.RequestMessage!.RequestUri!.AbsolutePath);

        _app.Time.Advance(TimeSpan.FromMinutes(15));
        var later = await Organisers.SubmitSignInAsync(attacker, Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", later.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AnotherAddressInTheSameIPv6SlashSixtyFourSharesTheThrottle()
    {
        await Organisers.CreateAsync(_app);
        for (var i = 0; i < 5; i++)
        {
            await Organisers.SubmitSignInAsync(From($"2001:db8:1:2::{i + 1:x}"), Organisers.Email, "väärä salasana");
        }

        var sameNetwork = await Html.ParseAsync(await Organisers.SubmitSignInAsync(From("2001:db8:1:2:ffff::9"), Organisers.Email, Organisers.Password));
        Assert.Contains("Yritä uudelleen 15 minuutin kuluttua.", sameNetwork.Text(".error-summary"));
        var otherNetwork = await Organisers.SubmitSignInAsync(From("2001:db8:1:3::1"), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", otherNetwork.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AnUnknownAccountGetsTheSameAnswerAndTheSamePasswordCheckAsAWrongPassword()
    {
        // The cost is the password hash check (PBKDF2, ~100k iterations). Timing it in a test is flaky on a shared
        // machine, so count instead: a wrong password and an unknown account each verify exactly one hash, and both
        // hashes carry the same format, PRF, iteration count and salt size (Identity's V3 header, first 13 bytes).
        var hasher = new CountingPasswordHasher();
        using var app = new WorkshopsFactory(services: s =>
        {
            s.AddSingleton<IStartupFilter, ClientAddress>();
            s.AddSingleton<IPasswordHasher<IdentityUser>>(hasher);
        });
        await Organisers.CreateAsync(app);

        var knownText = await FailedSignInTextAsync(app, "192.0.2.1", Organisers.Email);
        var knownChecks = hasher.Verified.ToList();
        hasher.Verified.Clear();
        var unknownText = await FailedSignInTextAsync(app, "192.0.2.101", "nobody@example.fi");
        var unknownChecks = hasher.Verified.ToList();

        Assert.Equal(knownText, unknownText);
        Assert.Single(knownChecks);
        Assert.Single(unknownChecks);
        Assert.Equal(Convert.FromBase64String(knownChecks[0])[..13], Convert.FromBase64String(unknownChecks[0])[..13]);
    }

    private static async Task<string> FailedSignInTextAsync(WorkshopsFactory app, string address, string email)
    {
        var browser = app.Browser();
        browser.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        var page = await Html.GetAsync(browser, "/organiser/sign-in");
        var response = await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = "väärä salasana" });
        return (await Html.ParseAsync(response)).Text(".error-summary");
    }

    /// <summary>Identity's own hasher, recording each stored hash it is asked to verify.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();

        public System.Collections.Concurrent.ConcurrentQueue<string> Verified { get; } = new();

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Verified.Enqueue(hashedPassword);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
