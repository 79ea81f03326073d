using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workshops.Web.Data;

/// <summary>
/// Per-connection settings: SQLite's own busy handler waits up to 10 s for another process's write
/// lock in small steps, instead of failing at once; foreign keys are enforced; with WAL, a commit
/// waits for the log write but not for its fsync (<c>synchronous = NORMAL</c>, see docs/design.md).
/// They belong to the native connection, which Microsoft.Data.Sqlite pools and reuses across many
/// opens, so they run once per native connection rather than on every open.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // secure_delete: erased personal data is overwritten with zeros in the file, not left in freed space.
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";

    /// <summary>
    /// After an erasure commits: copies the WAL into the database (where secure_delete has zeroed the old values) and
    /// empties it, so the old page images that still held the person's details are gone from the -wal file too.
    /// Nothing on PostgreSQL. A reader still inside an older snapshot can keep some frames until the next checkpoint.
    /// </summary>
    public static async Task CheckpointAfterErasureAsync(WorkshopsDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
    }

    // Keyed by the native handle: an entry goes when the pool closes that connection for good.
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection, out var handle))
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
            }
            catch
            {
                Forget(handle);
                throw;
            }
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection, out var handle))
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch
            {
                Forget(handle);
                throw;
            }
        }
    }

    private static bool FirstOpen(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || Prepared.TryAdd(handle, Prepared);
    }

    private static void Forget(object? handle)
    {
        if (handle is not null)
        {
            Prepared.Remove(handle);
        }
    }
}
