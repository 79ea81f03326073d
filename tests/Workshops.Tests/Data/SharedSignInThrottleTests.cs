using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Data;

namespace Workshops.Tests.Data;

/// <summary>
/// The sign-in throttle lives in the database: two instances on one PostgreSQL database count the same failures, and a
/// restart forgets none of them (it was each process's memory: 5 tries per instance, all back after a restart).
/// </summary>
public sealed class SharedSignInThrottleTests
{
    private const string Attacker = "203.0.113.77";

    private static WorkshopsFactory Instance(TestFolder folder) =>
        new(folder, services: s => s.AddSingleton<IStartupFilter, ClientAddress>());

    private static HttpClient From(WorkshopsFactory app, string address)
    {
        var browser = app.Browser();
        browser.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return browser;
    }

    private static async Task<string> SignInErrorAsync(WorkshopsFactory app, string password) =>
        (await Html.ParseAsync(await Organisers.SubmitSignInAsync(From(app, Attacker), Organisers.Email, password))).Text(".error-summary");

    [Fact]
    public async Task FailuresOnOneInstanceSlowTheOtherAndSurviveARestartOnPostgreSql()
    {
        using var folder = new TestFolder(DatabaseProvider.PostgreSQL);
        using (var a = Instance(folder))
        using (var b = Instance(folder))
        {
            await Organisers.CreateAsync(a);
            for (var i = 0; i < 3; i++)
            {
                Assert.Contains("Sähköposti tai salasana on väärin.", await SignInErrorAsync(a, "väärä salasana"));
            }

            for (var i = 0; i < 2; i++)
            {
                Assert.Contains("Sähköposti tai salasana on väärin.", await SignInErrorAsync(b, "väärä salasana"));
            }

            // Five in all, three on A and two on B: both instances make the sixth try wait.
            Assert.Contains("Yritä uudelleen 1 minuutin kuluttua.", await SignInErrorAsync(a, Organisers.Password));
            Assert.Contains("Yritä uudelleen 1 minuutin kuluttua.", await SignInErrorAsync(b, Organisers.Password));
        }

        using var restarted = Instance(folder);
        Assert.Contains("Yritä uudelleen 1 minuutin kuluttua.", await SignInErrorAsync(restarted, Organisers.Password));
        restarted.Time.Advance(TimeSpan.FromSeconds(32));
        var signedIn = await Organisers.SubmitSignInAsync(From(restarted, Attacker), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task FailuresSurviveARestartOnSqlite()
    {
        using var folder = new TestFolder();
        using (var before = Instance(folder))
        {
            await Organisers.CreateAsync(before);
            for (var i = 0; i < 5; i++)
            {
                await SignInErrorAsync(before, "väärä salasana");
            }
        }

        using var after = Instance(folder);
        Assert.Contains("Yritä uudelleen 1 minuutin kuluttua.", await SignInErrorAsync(after, Organisers.Password));
    }
}
