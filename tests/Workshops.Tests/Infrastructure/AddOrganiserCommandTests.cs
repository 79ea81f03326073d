using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>The add-organiser command, run as the operator runs it: the built app as a process, the password on standard input.</summary>
public sealed class AddOrganiserCommandTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string password, params string[] args) =>
        RunInAsync(AppContext.BaseDirectory, password, args);

    private async Task<(int ExitCode, string StdOut, string StdErr)> RunInAsync(string workingDirectory, string password, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Workshops.Web.dll");
        var info = new ProcessStartInfo("dotnet", [app, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = workingDirectory,
        };
        info.Environment["ConnectionStrings__Workshops"] = $"Data Source={Path.Combine(_folder.Path, "workshops.db")}";
        info.Environment["Serilog__WriteTo__File__Args__path"] = Path.Combine(_folder.Path, "logs", "w-.log");

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }

    [Fact]
    public async Task AnOrganiserAddedWithTheCommandSignsInToTheSite()
    {
        var (exitCode, stdout, stderr) = await RunAsync(Organisers.Password, "add-organiser", "--email", "anna@example.org");

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        Assert.Equal("Organiser anna@example.org added. Sign in at /organiser/sign-in.", stdout);

        using var site = new WorkshopsFactory(_folder);
        var response = await Organisers.SubmitSignInAsync(site.Browser(), "anna@example.org", Organisers.Password);
        Assert.Equal("/organiser", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(1, await site.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task TheSameEmailTwiceIsRefusedWithOneLine()
    {
        Assert.Equal(0, (await RunAsync(Organisers.Password, "add-organiser", "--email", "anna@example.org")).ExitCode);

        var (exitCode, _, stderr) = await RunAsync("toinen pitkä salasana", "add-organiser", "--email", "anna@example.org");

        Assert.Equal(1, exitCode);
        Assert.Equal("Error: an organiser with the email anna@example.org already exists.", stderr);
    }

    [Theory]
    [InlineData("lyhyt", "--email", "anna@example.org")]
    [InlineData("aaaaaaaaaaaaaaaa", "--email", "anna@example.org")]
    [InlineData("password1234", "--email", "anna@example.org")]
    [InlineData("anna@example.org1", "--email", "anna@example.org")]
    [InlineData("pitkä ja hyvä salasana", "--email", "not-an-address")]
    [InlineData("pitkä ja hyvä salasana")]
    public async Task AWeakPasswordOrABadEmailStopsTheCommandWithOneLine(string password, params string[] options)
    {
        var (exitCode, stdout, stderr) = await RunAsync(password, ["add-organiser", .. options]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: ", line);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task ACommonPasswordIsRefusedNamingWhy()
    {
        var (exitCode, _, stderr) = await RunAsync("password1234", "add-organiser", "--email", "anna@example.org");

        Assert.Equal(1, exitCode);
        Assert.Equal("Error: The password is too easy to guess: it is a common or breached password, a word, a name or a pattern. Choose a longer phrase of several less common words.", stderr);
    }

    [Fact]
    public async Task TheCommandWorksFromAnyFolderWithTheDeploymentGuidesLogSetting()
    {
        // The operator's shell is in their home folder, not the app's; the unit's Serilog path is set (docs/deployment.md).
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder.Path, "home")).FullName;

        var (exitCode, stdout, stderr) = await RunInAsync(elsewhere, Organisers.Password, "add-organiser", "--email", "anna@example.org");

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        Assert.Equal("Organiser anna@example.org added. Sign in at /organiser/sign-in.", stdout);
        Assert.False(Directory.Exists(Path.Combine(elsewhere, "data")), "nothing is written relative to the working folder");
    }

    [Fact]
    public async Task AnOrganiserAddedWithRequireTwoFactorMustSetUpTheAppFirst()
    {
        Assert.Equal(0, (await RunAsync(Organisers.Password, "add-organiser", "--email", "anna@example.org", "--require-two-factor")).ExitCode);

        using var site = new WorkshopsFactory(_folder);
        var response = await Organisers.SubmitSignInAsync(site.Browser(), "anna@example.org", Organisers.Password);
        Assert.Equal("/organiser/two-factor", response.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
