using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;

namespace Workshops.Web.Email;

/// <summary>
/// The outbox's rows through their states (docs/email.md): <c>Queued → Sending</c> when claimed, then <c>Sent</c>, a
/// retry at a later time, or <c>Failed</c>; a claimed row never tried goes back to <c>Queued</c>. Times are UTC from
/// <see cref="TimeProvider"/>. <see cref="OutboxSender"/> renders what is claimed here.
/// </summary>
public sealed class OutboxQueue(
    WorkshopsDbContext db, WriteTransaction writes, IOptions<EmailOptions> options, TimeProvider time, ILogger<OutboxQueue> logger)
{
    /// <summary>Marks the row Sending and counts the try. False when another sender took it first.</summary>
    public async Task<bool> ClaimAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The claim is one conditional UPDATE, so two senders can never both take the same row.
        var claimed = await db.OutgoingEmails
            .Where(e => e.Id == id && e.State == EmailState.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, EmailState.Sending)
                .SetProperty(e => e.ClaimedAtUtc, now)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
        return claimed == 1;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due messages, oldest due first, in one write transaction (one conditional
    /// UPDATE per row, so a row another sender took meanwhile is simply not among the result). Returns the claimed ids in
    /// the order they should go out; empty when nothing is due.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ClaimDueAsync(int max, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingEmails
            .Where(e => e.State == EmailState.Queued && e.NextAttemptAtUtc <= now)
            .OrderBy(e => e.NextAttemptAtUtc).ThenBy(e => e.CreatedAtUtc).ThenBy(e => e.Id)
            .Select(e => e.Id)
            .Take(max)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return due;
        }

        // Through the one write seam: its gate and BEGIN IMMEDIATE, so the claims never meet a registration's write
        // lock half-way; the outbox's own state is nothing the public pages show.
        return await writes.RunWithScopeAsync<IReadOnlyList<Guid>>(async c =>
        {
            var claimed = new List<Guid>(due.Count);
            foreach (var id in due)
            {
                if (await ClaimAsync(id, c))
                {
                    claimed.Add(id);
                }
            }

            return claimed;
        }, static _ => CommitScope.NoPublicChange, ct);
    }

    /// <summary>
    /// Puts claimed messages that were never tried back in the queue, their try uncounted (a shutdown mid-batch): they go
    /// out on the next round instead of after <see cref="EmailOptions.SendingTimeout"/>. Rows no longer Sending are left.
    /// </summary>
    public async Task ReleaseAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await db.OutgoingEmails
            .Where(e => ids.Contains(e.Id) && e.State == EmailState.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, EmailState.Queued)
                .SetProperty(e => e.Attempts, e => e.Attempts - 1), ct);
    }

    /// <summary>Records the server's acceptance of the message (after its 250 reply): Sent, at the current UTC time.</summary>
    public async Task MarkSentAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.OutgoingEmails.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.State, EmailState.Sent)
            .SetProperty(e => e.SentAtUtc, now)
            .SetProperty(e => e.LastError, (string?)null), ct);
    }

    /// <summary>
    /// Records a failed try with <paramref name="reason"/> (the server's answer, never an address): a retry later (the
    /// delay grows with each try, <see cref="OutgoingEmail.RecordFailure"/>), or Failed when <paramref name="permanent"/>
    /// (a 5xx reply, a message that cannot be composed) or after <see cref="EmailOptions.MaxAttempts"/> tries.
    /// </summary>
    public async Task MarkFailedAttemptAsync(Guid id, string reason, bool permanent, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var outgoing = await db.OutgoingEmails.SingleAsync(e => e.Id == id, ct);
        outgoing.RecordFailure(reason, permanent, options.Value.MaxAttempts, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        if (outgoing.State == EmailState.Failed)
        {
            // No address in the log: the organiser sees the failed message and its recipient in the organiser area.
            logger.LogError("Outbox: message {MessageId} failed for good after {Attempts} tries", id, outgoing.Attempts);
        }
        else
        {
            logger.LogWarning("Outbox: message {MessageId} try {Attempts} failed; next try at {NextAttempt:o}", id, outgoing.Attempts, outgoing.NextAttemptAtUtc);
        }
    }
}
