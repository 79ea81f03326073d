using Microsoft.EntityFrameworkCore;

namespace Workshops.Web.Data;

/// <summary>
/// Lets one instance do a scheduled job's run. Under PostgreSQL a transaction-scoped advisory lock: an instance that
/// does not get it skips the run (another is doing it; the job is idempotent, so a later run finds nothing left).
/// Under SQLite the write transaction (BEGIN IMMEDIATE) already admits one writer, and there is one process.
/// </summary>
public static class ScheduledJobLock
{
    /// <summary>Call inside the job's transaction; true when this instance should do the run.</summary>
    public static async Task<bool> TryTakeAsync(WorkshopsDbContext db, long key, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return true;
        }

        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(ct);
    }
}
