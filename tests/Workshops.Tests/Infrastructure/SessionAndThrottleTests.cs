using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>Sessions end when they should, guessing is slowed more and more, and it cannot lock the real organiser out.</summary>
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
    public async Task GuessingAnAccountNeverKeepsOutTheBrowserItsOrganiserSignedInWith()
    {
        await Organisers.CreateAsync(_app);
        var organiser = From("198.51.100.7");
        Assert.Equal("/organiser", (await Organisers.SubmitSignInAsync(organiser, Organisers.Email, Organisers.Password)).RequestMessage!.RequestUri!.AbsolutePath);
        await Html.SubmitAsync(organiser, await Html.GetAsync(organiser, "/organiser"), new Dictionary<string, string?>(), "form.sign-out");

        // Five wrong passwords from one address: the fifth failure asks for 2^5 s = 32 s, shown as "1 minute".
        var attacker = From("203.0.113.5");
        for (var i = 0; i < 5; i++)
        {
            await Organisers.SubmitSignInAsync(attacker, Organisers.Email, $"väärä salasana {i}");
        }

        var throttled = await Html.ParseAsync(await Organisers.SubmitSignInAsync(attacker, Organisers.Email, Organisers.Password));
        Assert.Equal("/organiser/sign-in", throttled.Location.PathName);
        Assert.Contains("Yritä uudelleen 1 minuutin kuluttua.", throttled.Text(".error-summary"));

        // The account is slowed for a browser that never signed in to it, from any address ...
        var stranger = await Html.ParseAsync(await Organisers.SubmitSignInAsync(From("198.51.100.8"), Organisers.Email, Organisers.Password));
        Assert.Contains("Yritä uudelleen 1 minuutin kuluttua.", stranger.Text(".error-summary"));

        // ... but not for the organiser's own browser.
        var own = await Organisers.SubmitSignInAsync(organiser, Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", own.RequestMessage!.RequestUri!.AbsolutePath);

        _app.Time.Advance(TimeSpan.FromSeconds(32));
        var later = await Organisers.SubmitSignInAsync(attacker, Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", later.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task EachFailureAfterTheFifthDoublesTheWait()
    {
        await Organisers.CreateAsync(_app);
        var guesser = From("203.0.113.9");
        for (var i = 0; i < 5; i++)
        {
            await Organisers.SubmitSignInAsync(guesser, Organisers.Email, "väärä salasana");
        }

        // After the fifth failure: 32 s, shown as a whole minute.
        Assert.Contains("Yritä uudelleen 1 minuutin kuluttua.", await ErrorTextAsync(guesser, Organisers.Password));
        _app.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Contains("Sähköposti tai salasana on väärin.", await ErrorTextAsync(guesser, "väärä salasana"));

        // After the sixth: 64 s; 32 s later it still waits.
        _app.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Contains("Yritä uudelleen 1 minuutin kuluttua.", await ErrorTextAsync(guesser, Organisers.Password));
        _app.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Contains("Sähköposti tai salasana on väärin.", await ErrorTextAsync(guesser, "väärä salasana"));

        // The seventh asks for 128 s: "3 minutes".
        Assert.Contains("Yritä uudelleen 3 minuutin kuluttua.", await ErrorTextAsync(guesser, Organisers.Password));
    }

    [Fact]
    public async Task ASuccessfulSignInClearsTheAccountsCount()
    {
        await Organisers.CreateAsync(_app);
        for (var i = 0; i < 4; i++)
        {
            await Organisers.SubmitSignInAsync(From($"192.0.2.{i + 10}"), Organisers.Email, "väärä salasana");
        }

        Assert.Equal("/organiser", (await Organisers.SubmitSignInAsync(From("192.0.2.50"), Organisers.Email, Organisers.Password)).RequestMessage!.RequestUri!.AbsolutePath);
        for (var i = 0; i < 4; i++)
        {
            await Organisers.SubmitSignInAsync(From($"192.0.2.{i + 20}"), Organisers.Email, "väärä salasana");
        }

        // Eight failures in all, but only four since the success: no wait for a new browser.
        Assert.Equal("/organiser", (await Organisers.SubmitSignInAsync(From("192.0.2.51"), Organisers.Email, Organisers.Password)).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AnotherAddressInTheSameIPv6SlashSixtyFourSharesTheThrottle()
    {
        await Organisers.CreateAsync(_app);
        for (var i = 0; i < 5; i++)
        {
            await Organisers.SubmitSignInAsync(From($"2001:db8:1:2::{i + 1:x}"), Organisers.Email + $".{i}", "väärä salasana");
        }

        // Each guess was at another account: only the /64's own count can refuse this one.
        var sameNetwork = await Html.ParseAsync(await Organisers.SubmitSignInAsync(From("2001:db8:1:2:ffff::9"), Organisers.Email, Organisers.Password));
        Assert.Contains("Yritä uudelleen 1 minuutin kuluttua.", sameNetwork.Text(".error-summary"));
        var otherNetwork = await Organisers.SubmitSignInAsync(From("2001:db8:1:3::1"), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", otherNetwork.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static async Task<string> ErrorTextAsync(HttpClient browser, string password) =>
        (await Html.ParseAsync(await Organisers.SubmitSignInAsync(browser, Organisers.Email, password))).Text(".error-summary");

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
