using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Workshops.Web.Data;

/// <summary>
/// A consistent copy of the live database with SQLite's online backup API: the site may keep running
/// and writing while it is taken, and the copy is a single self-contained file (no -wal beside it).
/// </summary>
public static class DatabaseBackup
{
    public static async Task<long> WriteAsync(WorkshopsDbContext db, string target, CancellationToken ct = default)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; choose a new file name so no backup is overwritten.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var source = (SqliteConnection)db.Database.GetDbConnection();
        await source.OpenAsync(ct);
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            await using var mode = destination.CreateCommand();
            // The copy inherits WAL mode; a backup is easier to move about as one file.
            mode.CommandText = "PRAGMA journal_mode=DELETE;";
            await mode.ExecuteNonQueryAsync(ct);
            await using var check = destination.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await check.ExecuteScalarAsync(ct);
            if (result != "ok")
            {
                throw new IOException($"the copy failed its integrity check: {result}");
            }
        }

        return new FileInfo(target).Length;
    }
}
