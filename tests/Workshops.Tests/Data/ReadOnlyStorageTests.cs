using System.Diagnostics;
using System.Net;
using Workshops.Tests.Support;

namespace Workshops.Tests.Data;

/// <summary>The database file cannot be written (a read-only or full disk): people get a clear page, the site recovers.</summary>
public sealed class ReadOnlyStorageTests
{
    private const string Rauma = "rauma-yksinaisyys";

    /// <summary>
    /// Root ignores permission bits, so as root the files are made immutable (chattr +i, ext4);
    /// otherwise they are made read-only. Either way SQLite's writes fail as on a read-only disk.
    /// </summary>
    private static void SetWritable(string databasePath, bool writable)
    {
        var files = new[] { databasePath, databasePath + "-wal" }.Where(File.Exists).ToArray();
        if (Environment.UserName == "root")
        {
            using var chattr = Process.Start("chattr", [writable ? "-i" : "+i", .. files])!;
            chattr.WaitForExit();
            Assert.Equal(0, chattr.ExitCode);
        }
        else if (!OperatingSystem.IsWindows())
        {
            foreach (var file in files)
            {
                File.SetUnixFileMode(file, writable ? UnixFileMode.UserRead | UnixFileMode.UserWrite : UnixFileMode.UserRead);
            }
        }
    }

    [Fact]
    public async Task ARegistrationWhileTheFileCannotBeWrittenGetsAClearPageAndTheSiteRecovers()
    {
        using var folder = new TestFolder();
        var database = Path.Combine(folder.Path, "workshops.db");
        using (var app = await AppProcess.StartAsync(folder))
        {
            var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
            var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");

            SetWritable(database, writable: false);
            HttpResponseMessage refused;
            try
            {
                refused = await Html.SubmitAsync(browser, form, People.Registration(email: "during@example.fi"));
            }
            finally
            {
                SetWritable(database, writable: true);
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var page = await Html.ParseAsync(refused);
            Assert.Equal("Tallennus ei juuri nyt onnistu", page.Text("h1"));
            Assert.DoesNotContain("SqliteException", page.Source.Text);
            Assert.DoesNotContain("   at ", page.Source.Text);

            // The process is still up and takes the same registration once the file can be written.
            var again = await Html.SubmitAsync(browser, await Html.GetAsync(browser, $"/workshops/{Rauma}"), People.Registration(email: "during@example.fi"));
            Assert.Equal("Paikkasi on vahvistettu", (await Html.ParseAsync(again)).Text("h1"));
        }

        // One error line for the failed request, and no personal data anywhere in the log.
        var log = string.Join("\n", Directory.GetFiles(Path.Combine(folder.Path, "logs")).Select(File.ReadAllText));
        var errorLines = log.Split('\n').Where(l => l.Contains("[ERR]", StringComparison.Ordinal) && l.Contains("responded 503", StringComparison.Ordinal)).ToList();
        Assert.Single(errorLines);
        Assert.DoesNotContain("during@example.fi", log);
        Assert.DoesNotContain("Ääkkönen", log);
    }
}
