using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

/// <summary>
/// The SQLite file: WAL, synchronous NORMAL and a busy timeout as the site sets them; one writer at a time through a
/// semaphore (the site's write gate), each write in one BEGIN IMMEDIATE transaction.
/// </summary>
internal sealed class Database(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    private readonly SemaphoreSlim _writer = new(1, 1);

    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public void Create(IEnumerable<string> workshops)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS Workshops (Id TEXT PRIMARY KEY, Slug TEXT NOT NULL UNIQUE, Title TEXT NOT NULL, Capacity INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS Registrations (Id INTEGER PRIMARY KEY, WorkshopId TEXT NOT NULL REFERENCES Workshops(Id),
                Name TEXT NOT NULL, Email TEXT NOT NULL, EmailNormalized TEXT NOT NULL, Organisation TEXT NOT NULL, "Group" TEXT NOT NULL,
                Language TEXT NOT NULL, Status TEXT NOT NULL, CreatedAtUtc TEXT NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS IX_Registrations_WorkshopId_EmailNormalized ON Registrations (WorkshopId, EmailNormalized);
            CREATE INDEX IF NOT EXISTS IX_Registrations_WorkshopId_Status ON Registrations (WorkshopId, Status);
            CREATE TABLE IF NOT EXISTS ManageTokens (Hash BLOB PRIMARY KEY, RegistrationId INTEGER NOT NULL REFERENCES Registrations(Id));
            CREATE TABLE IF NOT EXISTS OutgoingEmails (Id INTEGER PRIMARY KEY, RegistrationId INTEGER NOT NULL REFERENCES Registrations(Id),
                State TEXT NOT NULL, CreatedAtUtc TEXT NOT NULL, SentAtUtc TEXT);
            CREATE INDEX IF NOT EXISTS IX_OutgoingEmails_State ON OutgoingEmails (State);
            """;
        command.ExecuteNonQuery();
        foreach (var pair in workshops)
        {
            var (slug, capacity) = (pair.Split('=')[0], int.Parse(pair.Split('=')[1], CultureInfo.InvariantCulture));
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT OR IGNORE INTO Workshops (Id, Slug, Title, Capacity) VALUES ($id, $slug, $title, $capacity)";
            insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("$slug", slug);
            insert.Parameters.AddWithValue("$title", $"Työpaja {slug}");
            insert.Parameters.AddWithValue("$capacity", capacity);
            insert.ExecuteNonQuery();
        }
    }

    public (string Id, string Title)? Workshop(string slug)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Title FROM Workshops WHERE Slug = $slug";
        command.Parameters.AddWithValue("$slug", slug);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>The registration's id, or null when the address is already registered for the workshop.</summary>
    public async Task<long?> RegisterAsync(string workshopId, Registration input)
    {
        await _writer.WaitAsync();
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                SELECT (SELECT Capacity FROM Workshops WHERE Id = $w) - (SELECT COUNT(*) FROM Registrations WHERE WorkshopId = $w AND Status = 'Confirmed'),
                       EXISTS (SELECT 1 FROM Registrations WHERE WorkshopId = $w AND EmailNormalized = $e)
                """;
            command.Parameters.AddWithValue("$w", workshopId);
            command.Parameters.AddWithValue("$e", input.Email.ToLowerInvariant());
            long free, duplicate;
            using (var reader = command.ExecuteReader())
            {
                reader.Read();
                (free, duplicate) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            if (duplicate == 1)
            {
                return null;
            }

            command.CommandText = """
                INSERT INTO Registrations (WorkshopId, Name, Email, EmailNormalized, Organisation, "Group", Language, Status, CreatedAtUtc)
                VALUES ($w, $name, $email, $e, $organisation, $group, $language, $status, $now) RETURNING Id
                """;
            command.Parameters.AddWithValue("$name", input.Name);
            command.Parameters.AddWithValue("$email", input.Email);
            command.Parameters.AddWithValue("$organisation", input.Organisation);
            command.Parameters.AddWithValue("$group", input.Group);
            command.Parameters.AddWithValue("$language", input.Language);
            command.Parameters.AddWithValue("$status", free > 0 ? "Confirmed" : "Waitlisted");
            command.Parameters.AddWithValue("$now", Now());
            var id = (long)command.ExecuteScalar()!;
            command.CommandText = """
                INSERT INTO ManageTokens (Hash, RegistrationId) VALUES ($hash, $id);
                INSERT INTO OutgoingEmails (RegistrationId, State, CreatedAtUtc) VALUES ($id, 'Queued', $now);
                """;
            command.Parameters.AddWithValue("$hash", SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
            transaction.Commit();
            return id;
        }
        finally
        {
            _writer.Release();
        }
    }

    public string? Status(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.Status, w.Title FROM Registrations r JOIN Workshops w ON w.Id = r.WorkshopId WHERE r.Id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? $"{reader.GetString(1)}: {reader.GetString(0)}" : null;
    }

    /// <summary>Runs one write behind the writer, in one immediate transaction.</summary>
    public async Task WriteAsync(Action<SqliteCommand> write)
    {
        await _writer.WaitAsync();
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            write(command);
            transaction.Commit();
        }
        finally
        {
            _writer.Release();
        }
    }
}
