using System.Diagnostics;

namespace Workshops.Tests.Infrastructure;

/// <summary>Runs the real built app as a process, the way an operator starts it.</summary>
public sealed class StartupTests
{
    private static async Task<(int ExitCode, string StdErr)> RunAppAsync(Dictionary<string, string> environment)
    {
        using var folder = new Support.TestFolder();
        var info = Support.AppProcess.StartInfo(folder, environment);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stderr).Trim());
    }

    [Theory]
    [InlineData("Seed__Year", "2027", "Seed__Year")]
    [InlineData("Seed__File", "/nowhere/workshops.json", "Seed__File")]
    [InlineData("Site__PublicBaseUrl", "not a url", "Site__PublicBaseUrl")]
    [InlineData("ConnectionStrings__Workshops", "Data Source=", "ConnectionStrings__Workshops")]
    [InlineData("Calendar__OrganizerEmail", "Työpajat <no-reply@example.fi>", "Calendar__OrganizerEmail")]
    [InlineData("Email__From", "not an address", "Email__From")]
    [InlineData("Email__Delivery", "Pigeon", "Email__Delivery")]
    [InlineData("Metrics__BearerToken", "too-short-to-be-safe", "Metrics__BearerToken")]
    public async Task BadSettingStopsTheAppWithOneLineNamingIt(string setting, string value, string named)
    {
        var (exitCode, stderr) = await RunAppAsync(new() { [setting] = value });

        Assert.True(exitCode == 1, $"exit code {exitCode}: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: ", line);
        Assert.Contains(named, line);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Theory]
    [InlineData("Oracle", "Data Source=x.db", "Database__Provider")]
    [InlineData("PostgreSQL", "Data Source=data/workshops.db", "ConnectionStrings__Workshops")]
    // Nothing listens on port 1: the same one line as any other bad setting, naming the database and the cause.
    [InlineData("PostgreSQL", "Host=127.0.0.1;Port=1;Database=workshops;Timeout=3", "ConnectionStrings__Workshops: cannot use PostgreSQL database 'workshops' at 127.0.0.1:1")]
    public async Task AnUnusableDatabaseStopsTheAppWithOneLine(string provider, string connectionString, string named)
    {
        var (exitCode, stderr) = await RunAppAsync(new() { ["Database__Provider"] = provider, ["ConnectionStrings__Workshops"] = connectionString });

        Assert.True(exitCode == 1, $"exit code {exitCode}: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: ", line);
        Assert.Contains(named, line);
    }
}
