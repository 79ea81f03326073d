using System.Net;
using Microsoft.Data.Sqlite;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>What an operator relies on: backups taken while the site runs, keys that survive restarts.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task BackupCommandCopiesTheLiveDatabaseConsistentlyWhileTheSiteRuns()
    {
        using var folder = new TestFolder();
        var backup = Path.Combine(folder.Path, "backups", "copy.db");
        using (var app = await AppProcess.StartAsync(folder))
        {
            for (var i = 0; i < 3; i++)
            {
                var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
                var form = await Html.GetAsync(browser, "/workshops/rauma-yksinaisyys");
                Assert.Equal(HttpStatusCode.OK, (await Html.SubmitAsync(browser, form, People.Registration(email: $"b{i}@example.fi"))).StatusCode);
            }

            var (exitCode, stdout, stderr) = await AppProcess.RunCommandAsync(folder, "backup", "--to", backup);

            Assert.True(exitCode == 0, stderr);
            Assert.StartsWith("Backup written to ", stdout);
            var (again, _, error) = await AppProcess.RunCommandAsync(folder, "backup", "--to", backup);
            Assert.Equal(1, again);
            Assert.Contains("already exists", error);
        }

        await using var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Registrations; ";
        Assert.Equal(3L, await count.ExecuteScalarAsync());
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        Assert.False(File.Exists(backup + "-wal"), "the backup is one self-contained file");
    }

    [Fact]
    public async Task DataProtectionKeysLiveInTheDatabaseSoFormsSurviveARestart()
    {
        using var folder = new TestFolder();
        string cookieHeader;
        string token;
        using (var first = new WorkshopsFactory(folder))
        {
            var client = first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            var response = await client.GetAsync("/workshops/rauma-yksinaisyys");
            cookieHeader = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            token = (await Html.ParseAsync(response)).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            Assert.True(await first.WithDbAsync(db => Task.FromResult(db.DataProtectionKeys.Count())) >= 1, "the key ring is stored in the database");
        }

        // The person posts the form they opened before the restart, to a new process on the same database.
        using var second = new WorkshopsFactory(folder);
        var values = People.Registration();
        values["__RequestVerificationToken"] = token;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/workshops/rauma-yksinaisyys") { Content = new FormUrlEncodedContent(values!) };
        request.Headers.Add("Cookie", cookieHeader);

        var posted = await second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Single(await second.RegistrationsInFileAsync("rauma-yksinaisyys"));
    }
}
