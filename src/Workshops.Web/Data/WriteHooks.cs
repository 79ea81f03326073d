namespace Workshops.Web.Data;

/// <summary>
/// Runs after every committed write of the write seam (and never after a rolled-back one): wakes the outbox,
/// evicts the public caches, tells other instances. Registered in DI; the seam calls every registered observer
/// in registration order. An observer must not throw: the write is already durable when it runs.
/// </summary>
public interface ICommitObserver
{
    /// <summary>Called once per committed write transaction, outside the transaction and the write gate.</summary>
    ValueTask AfterCommitAsync(CancellationToken ct);
}

/// <summary>
/// Takes the lock that serialises seat decisions for one workshop. Called inside the open write transaction, before
/// anything about the workshop's seats or waiting list is read (design decision, see docs/design.md).
/// </summary>
public interface IWorkshopLock
{
    /// <summary>Blocks until this transaction holds the workshop's lock; released at commit or rollback.</summary>
    Task LockAsync(WorkshopsDbContext db, Guid workshopId, CancellationToken ct);
}

/// <summary>
/// SQLite: the write transaction is BEGIN IMMEDIATE, which already holds the whole file's write lock,
/// so there is nothing more to take per workshop.
/// </summary>
public sealed class SqliteWorkshopLock : IWorkshopLock
{
    /// <inheritdoc />
    public Task LockAsync(WorkshopsDbContext db, Guid workshopId, CancellationToken ct) => Task.CompletedTask;
}
