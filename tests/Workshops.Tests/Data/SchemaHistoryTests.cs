using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Workshops.Tests.Support;
using Workshops.Web.Data;

namespace Workshops.Tests.Data;

/// <summary>
/// Each provider's migrations were folded into one initial migration before the first release. A database made by the
/// old history is refused at start-up with one line naming the setting, and left as it was; a new database and one
/// made by this history start (the start-up migration path itself is what the rest of the suite runs on).
/// </summary>
public sealed class SchemaHistoryTests
{
    /// <summary>The first migration of the history before the fold, as an old database's history table holds it.</summary>
    private const string OldMigration = "20261127021358_Initial";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task ADatabaseMadeByTheOldHistoryIsRefusedWithOneLineAndLeftAsItWas(DatabaseProvider provider)
    {
        using var folder = new TestFolder(provider);
        await ExecuteAsync(folder, """
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
            """, $"""INSERT INTO "__EFMigrationsHistory" VALUES ('{OldMigration}', '10.0.0');""");

        var (exitCode, stderr) = await RunAppAsync(folder);

        Assert.True(exitCode == 1, $"exit code {exitCode}: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: ConnectionStrings__Workshops: the database was made by an earlier, unreleased schema history", line);
        Assert.Contains(OldMigration, line);
        Assert.Equal(1L, await ScalarAsync(folder, """SELECT COUNT(*) FROM "__EFMigrationsHistory" """));
    }

    [Fact]
    public void EachProviderHasOneInitialMigrationInItsOwnFolder()
    {
        var migrations = typeof(WorkshopsDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .Select(t => t.Namespace)
            .ToList();

        Assert.Equal(["Workshops.Web.Data.Migrations.PostgreSQL", "Workshops.Web.Data.Migrations.Sqlite"], migrations.Distinct().Order(StringComparer.Ordinal));
        var root = SeedFiles.RepositoryRoot();
        var folders = Directory.GetDirectories(Path.Combine(root, "src", "Workshops.Web", "Data", "Migrations")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["PostgreSQL", "Sqlite"], folders);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "src", "Workshops.Web", "Data", "Migrations")));
    }

    private static async Task<(int ExitCode, string StdErr)> RunAppAsync(TestFolder folder)
    {
        var info = AppProcess.StartInfo(folder);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            // A site that started instead of refusing would run on: stop it with the test.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, (await stderr).Trim());
    }

    private static async Task ExecuteAsync(TestFolder folder, params string[] statements)
    {
        await using var connection = Open(folder);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> ScalarAsync(TestFolder folder, string sql)
    {
        await using var connection = Open(folder);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static System.Data.Common.DbConnection Open(TestFolder folder) => folder.Provider == DatabaseProvider.PostgreSQL
        ? new Npgsql.NpgsqlConnection(folder.PostgresConnectionString)
        : new SqliteConnection(folder.DatabaseSettings()["ConnectionStrings:Workshops"]);
}
