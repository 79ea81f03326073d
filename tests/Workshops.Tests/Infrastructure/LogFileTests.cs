using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>The log file cannot fill the disk: it rolls by size as well as by day, and old files are removed.</summary>
public sealed class LogFileTests
{
    [Fact]
    public void TheShippedSettingsRollTheFileAt50MegabytesAndKeep14()
    {
        using var app = new WorkshopsFactory();
        var file = app.Services.GetRequiredService<IConfiguration>().GetSection("Serilog:WriteTo:File:Args");

        Assert.Equal(("52428800", "True", "14", "Day"),
            (file["fileSizeLimitBytes"], file["rollOnFileSizeLimit"], file["retainedFileCountLimit"], file["rollingInterval"]));
    }

    [Fact]
    public async Task AFileThatReachesTheSizeLimitIsContinuedInANewFileAndOldOnesAreRemoved()
    {
        using var folder = new TestFolder();
        var logs = Path.Combine(folder.Path, "logs");
        // Only the limits are made small; rolling on size is the shipped setting. A real process: the file sink as deployed.
        using (var app = await AppProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Serilog__WriteTo__File__Args__fileSizeLimitBytes"] = "2000",
            ["Serilog__WriteTo__File__Args__retainedFileCountLimit"] = "3",
        }))
        {
            using var http = new HttpClient { BaseAddress = app.BaseAddress };
            for (var i = 0; i < 60; i++)
            {
                await http.GetAsync("/healthz");
            }

            await Eventually.TrueAsync(() => Task.FromResult(Directory.GetFiles(logs).Length == 3), "the file rolled at least twice, three files kept");
        }

        var files = Directory.GetFiles(logs);
        Assert.Equal(3, files.Length);
        // The sink checks the size before each event, so the event that crosses the limit is the file's last.
        Assert.All(files, f => Assert.InRange(new FileInfo(f).Length, 1, 2000 + 1000));
    }

    [Fact]
    public async Task AFirstStartOnANewPostgreSqlDatabaseLogsNoError()
    {
        // EF Core read __EFMigrationsHistory before it existed and logged "[ERR] Failed executing DbCommand" (42P01) on
        // every first start, which an operator's alerting takes for a real error. A real process, the file sink as deployed.
        using var folder = new TestFolder(Workshops.Web.Data.DatabaseProvider.PostgreSQL);
        using (await AppProcess.StartAsync(folder))
        {
        }

        var log = string.Concat(Directory.GetFiles(Path.Combine(folder.Path, "logs")).Select(File.ReadAllText));
        Assert.Contains("Seed import", log);
        Assert.DoesNotContain("[ERR]", log);
    }
}
