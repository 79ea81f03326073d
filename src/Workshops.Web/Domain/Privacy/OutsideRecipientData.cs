using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Results;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// Erasing outside recipients of results (<see cref="OutsideRecipient"/>): on the organiser's request one at a time
/// (<see cref="EraseAsync"/>), and with the retention purge every recipient of a workshop past the retention time
/// (<see cref="PurgeAsync"/>). Which columns go is read from the model's marks (<see cref="PersonalColumns"/>): the list
/// entry's name and address, and in the outbox's copies to them the name, the address and an SMTP error that may quote
/// it; the entry stays, erased, so who added it and when stay. The audit log's copy of the address (it has no foreign
/// keys for the marks to follow) stays after an erasure on request, as the record of who was mailed from the organiser
/// area, and is replaced here by the retention purge.
/// </summary>
public static class OutsideRecipientData
{
    /// <summary>
    /// Takes these recipients off their workshop's list: every marked column of their entries and of the outbox's
    /// copies to them is erased, and a copy not sent yet is skipped (one being sent right now is left to finish; the
    /// retention purge erases it later). The caller saves.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    internal static async Task EraseAsync(WorkshopsDbContext db, IReadOnlyCollection<OutsideRecipient> recipients, DateTime nowUtc, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        foreach (var workshop in recipients.GroupBy(r => r.WorkshopId))
        {
            var addresses = workshop.Select(r => r.Email).ToList();
            var copies = db.OutgoingEmails.Where(e => e.RegistrationId == null && e.WorkshopId == workshop.Key && addresses.Contains(e.RecipientEmail!) && e.State != EmailState.Sending);
            await copies.Where(e => e.State == EmailState.Queued || e.State == EmailState.Failed)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Skipped), ct);
            await PersonalColumns.EraseTiedToAsync(db, typeof(OutgoingEmail), await copies.Select(e => (object)e.Id).ToListAsync(ct), ct);
        }

        // The model's marks first, then the entity's own transition (the "erased at" time the list reads).
        await PersonalColumns.EraseTiedToAsync(db, typeof(OutsideRecipient), recipients.Select(r => (object)r.Id).ToList(), ct);
        foreach (var recipient in recipients)
        {
            recipient.Erase(nowUtc);
        }
    }

    /// <summary>
    /// The retention purge's part for the workshops <paramref name="pastWorkshopIds"/>: their recipients are taken off
    /// the list (<see cref="OutsideRecipient.Erase"/>; the purge then erases every marked column tied to those workshops,
    /// the outbox's copies included) and the addresses in their audit entries are replaced with
    /// <see cref="PersonalData.ErasedName"/>. Returns how many list entries each workshop lost; the caller saves and audits.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    internal static async Task<Dictionary<Guid, int>> PurgeAsync(WorkshopsDbContext db, IReadOnlyCollection<Guid> pastWorkshopIds, DateTime nowUtc, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        var recipients = await db.OutsideRecipients.Where(r => pastWorkshopIds.Contains(r.WorkshopId) && r.ErasedAtUtc == null).ToListAsync(ct);
        foreach (var recipient in recipients)
        {
            recipient.Erase(nowUtc);
        }

        await ForgetAuditedAddressesAsync(db, pastWorkshopIds, ct);
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
        await ForgetAuditedAddressesAsync(db, [workshopId], ct);
    }

    private static async Task ForgetAuditedAddressesAsync(WorkshopsDbContext db, IReadOnlyCollection<Guid> workshopIds, CancellationToken ct)
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
}
