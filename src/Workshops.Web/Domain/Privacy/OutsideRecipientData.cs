using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Results;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// Erasing outside recipients of results (<see cref="OutsideRecipient"/>): on the organiser's request one at a time
/// (<see cref="EraseAsync"/>), and with the retention purge every recipient of a workshop past the retention time
/// (<see cref="PurgeAsync"/>). Their list entries are deleted, and the copies of their name and address in the outbox are
/// replaced (an unsent message is skipped, an SMTP error that may quote the address goes). The audit log's copy of the
/// address stays after an erasure on request, as the record of who was mailed from the organiser area, and is replaced
/// by the retention purge like the rest.
/// </summary>
public static class OutsideRecipientData
{
    /// <summary>What replaces an erased recipient's address in the outbox (a row without a registration needs one).</summary>
    public const string ErasedEmail = "erased-recipient@invalid";

    /// <summary>Takes these recipients off their workshop's list and out of the outbox; the caller saves.</summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    internal static async Task EraseAsync(WorkshopsDbContext db, IReadOnlyCollection<OutsideRecipient> recipients, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        db.OutsideRecipients.RemoveRange(recipients);
        foreach (var workshop in recipients.GroupBy(r => r.WorkshopId))
        {
            var addresses = workshop.Select(r => r.Email).ToList();
            await ScrubOutboxAsync(db.OutgoingEmails.Where(e => e.RegistrationId == null && e.WorkshopId == workshop.Key && addresses.Contains(e.RecipientEmail!)), ct);
        }
    }

    /// <summary>
    /// The retention purge's part for workshops held on or before <paramref name="cutoff"/> (Helsinki date): their
    /// recipients' list entries, every outbox row to someone outside the registrations, and the addresses in their audit
    /// entries. Returns how many list entries each workshop lost; the caller saves and audits.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    internal static async Task<Dictionary<Guid, int>> PurgeAsync(WorkshopsDbContext db, DateOnly cutoff, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        var past = db.Workshops.Where(w => w.Date <= cutoff).Select(w => w.Id);
        var recipients = await db.OutsideRecipients.Where(r => past.Contains(r.WorkshopId)).ToListAsync(ct);
        db.OutsideRecipients.RemoveRange(recipients);
        await ScrubOutboxAsync(
            db.OutgoingEmails.Where(e => e.RegistrationId == null && e.WorkshopId != null && past.Contains(e.WorkshopId.Value) && e.RecipientEmail != ErasedEmail), ct);
        await ForgetAuditedAddressesAsync(db, past, ct);
        return recipients.GroupBy(r => r.WorkshopId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// Deleting a draft: its recipients go with it (nothing can have been sent to them: a draft's results are never
    /// sent), and so do their addresses in its audit entries, which no later purge would find (it goes by the
    /// workshop's date). The caller saves.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    internal static async Task ForgetDraftAsync(WorkshopsDbContext db, Guid workshopId, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        db.OutsideRecipients.RemoveRange(await db.OutsideRecipients.Where(r => r.WorkshopId == workshopId).ToListAsync(ct));
        await ForgetAuditedAddressesAsync(db, db.Workshops.Where(w => w.Id == workshopId).Select(w => w.Id), ct);
    }

    private static async Task ForgetAuditedAddressesAsync(WorkshopsDbContext db, IQueryable<Guid> workshopIds, CancellationToken ct)
    {
        var entries = await db.AuditEntries
            .Where(a => a.WorkshopId != null && workshopIds.Contains(a.WorkshopId.Value)
                && (a.Action == AuditAction.OutsideRecipientAdded || a.Action == AuditAction.OutsideRecipientErased || a.Action == AuditAction.ResultsSent)
                && a.Detail != null && a.Detail.Contains("@"))
            .ToListAsync(ct);
        foreach (var entry in entries)
        {
            entry.ForgetAddresses(PersonalData.ErasedName);
        }
    }

    /// <summary>Skips what was not sent yet and replaces the name, the address and the error text of <paramref name="rows"/>.</summary>
    private static async Task ScrubOutboxAsync(IQueryable<OutgoingEmail> rows, CancellationToken ct)
    {
        // A message being sent right now is left to finish; the next purge catches it.
        await rows.Where(e => e.State == EmailState.Queued || e.State == EmailState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Skipped), ct);
        await rows.Where(e => e.State != EmailState.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.RecipientName, PersonalData.ErasedName)
                .SetProperty(e => e.RecipientEmail, ErasedEmail)
                .SetProperty(e => e.LastError, (string?)null), ct);
    }
}
