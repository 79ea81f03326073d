using Microsoft.EntityFrameworkCore;

namespace Workshops.Web.Data;

/// <summary>
/// Runs after every committed write of the write seam (and never after a rolled-back one): wakes the outbox,
/// evicts the public caches, tells other instances. Registered in DI; the seam calls every registered observer
/// in registration order. An observer must not throw: the write is already durable when it runs.
/// </summary>
public interface ICommitObserver
{
    /// <summary>
    /// Called once per committed write transaction, outside the transaction and the write gate, with what the write may
    /// have changed of what the public sees (<see cref="CommitScope.Anything"/> unless the write said less).
    /// </summary>
    ValueTask AfterCommitAsync(CommitScope scope, CancellationToken ct);
}

/// <summary>
/// What a committed write may have changed of what the public pages show, as declared by the write that knows it
/// (<see cref="WriteTransaction.RunWithScopeAsync{T}"/>).
/// The caches evict accordingly: everything, one workshop's seat count, or nothing public. A write that does not say
/// is <see cref="Anything"/>. Emails are not the scope's business: the outbox wakes on what was queued.
/// </summary>
public sealed record CommitScope
{
    private CommitScope(bool anything, Guid? seatsOf)
    {
        IsAnything = anything;
        SeatsOfWorkshop = seatsOf;
    }

    /// <summary>Anything may have changed: every public cache is dropped.</summary>
    public static CommitScope Anything { get; } = new(true, null);

    /// <summary>Nothing the public pages show changed (e.g. a place on a waiting list: pages show no queue length).</summary>
    public static CommitScope NoPublicChange { get; } = new(false, null);

    /// <summary>Only the seats taken of one workshop changed (a confirmed registration): its facts keep, its count is read again.</summary>
    public static CommitScope SeatsOf(Guid workshopId) => new(false, workshopId);

    /// <summary>True for <see cref="Anything"/>.</summary>
    public bool IsAnything { get; }

    /// <summary>The workshop whose seats taken changed, for <see cref="SeatsOf"/>; otherwise null.</summary>
    public Guid? SeatsOfWorkshop { get; }
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

/// <summary>
/// PostgreSQL: a row lock on the workshop, taken first in the transaction. Another instance deciding seats of the
/// same workshop waits here until this transaction ends; other workshops go on in parallel. Under READ COMMITTED
/// (PostgreSQL's default) every later statement takes a fresh snapshot, so the count that follows sees every seat
/// committed by the previous holder of the lock.
/// </summary>
public sealed class PostgresWorkshopLock : IWorkshopLock
{
    /// <inheritdoc />
    public async Task LockAsync(WorkshopsDbContext db, Guid workshopId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A workshop lock is taken inside the write transaction only (it is released at commit).");
        }

        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Workshops" WHERE "Id" = {workshopId} FOR UPDATE""", ct);
    }
}

/// <summary>Keys of PostgreSQL advisory locks, one per purpose, the same in every instance.</summary>
public static class PostgresLocks
{
    /// <summary>Migrations and the seed import at start-up.</summary>
    public const long StartUp = 0x576F_726B_0001;

    /// <summary>The retention purge (a scheduled job): one instance per run.</summary>
    public const long RetentionPurge = 0x576F_726B_0002;

    /// <summary>The event reminders' scan (a scheduled job): one instance per run.</summary>
    public const long EventReminders = 0x576F_726B_0003;

    /// <summary>The members' notification scan (a scheduled job): one instance per run.</summary>
    public const long MemberNotifications = 0x576F_726B_0254;

    /// <summary>The automatic feedback requests (a scheduled job): one instance per round.</summary>
    public const long FeedbackRequests = 0x576F_726B_0015;

    /// <summary>Copying a workshop: one copy at a time picks its free <c>-kopio</c> slug (<see cref="TakeAsync"/>).</summary>
    public const long WorkshopCopy = 0x576F_726B_0016;

    /// <summary>The funder's self-entry emails after participant activities (a scheduled job): one instance per run.</summary>
    public const long SelfEntry = 0x576F_726B_0264;

    /// <summary>The seat offers' expiry (a scheduled job): one instance per run.</summary>
    public const long SeatOffers = 0x576F_726B_0024;

    /// <summary>
    /// Sending results to an outside recipient: the per-organiser hourly count and the send it allows are one step across
    /// instances (<c>ResultsService.SendToRecipientAsync</c>).
    /// </summary>
    public const long OutsideSends = 0x576F_726B_0022;

    /// <summary>
    /// Waits until this transaction holds the advisory lock <paramref name="key"/>; released at commit or rollback. Under
    /// READ COMMITTED the next holder's later statements see what the previous holder committed. Nothing under SQLite,
    /// whose write transaction (BEGIN IMMEDIATE) already admits one writer.
    /// </summary>
    public static async Task TakeAsync(WorkshopsDbContext db, long key, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }
}
