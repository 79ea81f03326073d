using Npgsql;
using Workshops.Web.Data;

namespace Workshops.Tests.Support;

/// <summary>
/// A temporary folder for one test's files, and its database: a SQLite file in the folder, or a fresh PostgreSQL
/// database of its own on the test cluster. Two factories given the same folder share the database.
/// </summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Directory.CreateDirectory(Path);
        Provider = provider;
        PostgresConnectionString = provider == DatabaseProvider.PostgreSQL ? TestPostgres.CreateDatabase() : null;
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));

    public DatabaseProvider Provider { get; }

    /// <summary>The test's own PostgreSQL database (null under SQLite).</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>The app's settings for this folder's database (configuration keys with ':').</summary>
    public Dictionary<string, string?> DatabaseSettings() => Provider == DatabaseProvider.PostgreSQL
        ? new() { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Workshops"] = PostgresConnectionString }
        : new() { ["ConnectionStrings:Workshops"] = $"Data Source={System.IO.Path.Combine(Path, "workshops.db")}" };

    public void Dispose()
    {
        if (PostgresConnectionString is not null)
        {
            TestPostgres.DropDatabase(PostgresConnectionString);
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be open for a moment; the OS temp cleaner takes it later.
        }
    }
}

/// <summary>The PostgreSQL server the tests use: tests/run.sh starts a throwaway cluster and names it in the environment.</summary>
public static class TestPostgres
{
    public const string Variable = "WORKSHOPS_TEST_POSTGRES";

    /// <summary>The server's maintenance database; fails (never skips) when the run did not provide one.</summary>
    public static string Server =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests cannot run: use `bash tests/run.sh`, which starts a throwaway " +
                $"PostgreSQL cluster and sets it, or set it yourself, e.g. {Variable}='Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres'.");

    public static string CreateDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    /// <summary>The registrations of one workshop in id order, read with plain SQL.</summary>
    public static async Task<List<(string Email, string Status, long Id)>> RegistrationsAsync(string connectionString, string slug)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r."Email", r."Status", r."Id" FROM "Registrations" r JOIN "Workshops" w ON w."Id" = r."WorkshopId"
            WHERE w."Slug" = @slug ORDER BY r."Id"
            """;
        command.Parameters.AddWithValue("slug", slug);
        var rows = new List<(string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }
}
