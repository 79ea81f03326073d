namespace Workshops.Web.Data;

/// <summary>
/// The one place in the app that begins a write transaction. <see cref="RunAsync{T}"/> enters the in-process
/// <see cref="WriteGate"/>, forgets every entity the request tracked so far, begins a non-deferred
/// Microsoft.Data.Sqlite transaction (<c>BEGIN IMMEDIATE</c>: the file's write lock comes first), runs the work,
/// saves, commits, leaves the gate, and then calls every registered <see cref="ICommitObserver"/> (the outbox
/// wake-up among them). A failing work rolls back and no observer runs.
/// Work that must run inside a transaction calls <see cref="EnsureOpen"/> (pretix's <c>lock_objects</c> habit).
/// </summary>
public sealed class WriteTransaction(WorkshopsDbContext db, WriteGate gate, IEnumerable<ICommitObserver> observers)
{
    /// <summary>Runs <paramref name="work"/> as one committed write and returns its result.</summary>
    /// <exception cref="InvalidOperationException">When called while a transaction is already open on this context.</exception>
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        RunWithScopeAsync(work, static _ => CommitScope.Anything, ct);

    /// <summary>
    /// Runs <paramref name="work"/> as one committed write and returns its result; <paramref name="scopeOf"/> says from
    /// that result what the write changed of what the public sees, so the caches keep what it did not touch.
    /// </summary>
    /// <exception cref="InvalidOperationException">When called while a transaction is already open on this context.</exception>
    public async Task<T> RunWithScopeAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, CommitScope> scopeOf, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A write transaction is already open: nest the work instead of starting another.");
        }

        T result;
        using (await gate.EnterAsync(ct))
        {
            // Anything loaded before the lock is stale by definition, and EF Core's identity map would hand the
            // stale copy back to the queries below: decisions must read the database, so start from nothing.
            db.ChangeTracker.Clear();
            try
            {
                // No savepoint around each SaveChanges (EF Core's default inside a transaction: two more statements per
                // save): a failed save here rolls back the whole transaction anyway, never continues it.
                db.Database.AutoSavepointsEnabled = false;
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                result = await work(ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch
            {
                db.ChangeTracker.Clear(); // a rolled-back change must not be saved by a later call
                throw;
            }
        }

        var scope = scopeOf(result);
        foreach (var observer in observers)
        {
            await observer.AfterCommitAsync(scope, ct);
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> as one committed write.</summary>
    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        RunAsync(async c => { await work(c); return true; }, ct);

    /// <summary>Guards work meant to run inside <see cref="RunAsync{T}"/>.</summary>
    /// <exception cref="InvalidOperationException">When no transaction is open on <paramref name="db"/>.</exception>
    public static void EnsureOpen(WorkshopsDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("This change must run inside WriteTransaction.RunAsync (no write transaction is open).");
        }
    }
}
