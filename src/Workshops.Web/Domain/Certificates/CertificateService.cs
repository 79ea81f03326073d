using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Certificates;

/// <summary>What "send all certificates" did: how many were queued now and how many had been sent before.</summary>
/// <param name="Found">False for an unknown workshop.</param>
/// <param name="TooEarly">The workshop has not ended (or was cancelled): nothing was sent.</param>
/// <param name="Queued">Certificates queued by email now.</param>
/// <param name="SentBefore">People who attended and were sent theirs before: nothing new for them.</param>
public sealed record CertificateMailingOutcome(bool Found, bool TooEarly, int Queued, int SentBefore);

/// <summary>
/// Certificates of attendance (issue 26): issuing one to a person who attended (from their own page), and the organiser's
/// "send all certificates" by email. Each is one <see cref="WriteTransaction"/> under the workshop's lock, deciding on the
/// rows as the database holds them (<see cref="CertificateRules.MayHave"/>). One certificate per registration, whoever asks
/// first and however often (a unique index keeps it so even across instances).
/// </summary>
public sealed class CertificateService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    EmailOutbox outbox,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>
    /// The person's certificate: the one issued before, or a new one when they may have it now. Null when they may not
    /// (did not attend, cancelled, waiting, erased, workshop not yet over) and none was issued before, or withdrawn.
    /// </summary>
    public Task<Certificate?> IssueAsync(int registrationId, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var workshopId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => (Guid?)r.WorkshopId).SingleOrDefaultAsync(c);
            if (workshopId is not { } id)
            {
                return null;
            }

            await workshopLock.LockAsync(db, id, c);
            var registration = await db.Registrations.Include(r => r.Workshop).SingleAsync(r => r.Id == registrationId, c);
            return await IssueInTransactionAsync(registration, c);
        }, ct);

    /// <summary>
    /// "Send all certificates": issues a certificate to everyone who attended (<see cref="CertificateRules.MayHave"/>) and
    /// queues one email each with the PDF attached, in their language. Idempotent: whoever was sent theirs before gets nothing
    /// new (<see cref="Certificate.EmailedAtUtc"/>), so a second click queues nothing. Someone without an address gets
    /// their certificate on their own page only (there is nowhere to send it). <paramref name="actor"/> is the organiser.
    /// </summary>
    public Task<CertificateMailingOutcome> EmailAllAsync(Guid workshopId, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            await workshopLock.LockAsync(db, workshopId, c);
            var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, c);
            if (workshop is null)
            {
                return new CertificateMailingOutcome(false, false, 0, 0);
            }

            if (!WorkshopLifecycle.At(workshop, time).WasHeld)
            {
                return new CertificateMailingOutcome(true, true, 0, 0);
            }

            var attended = await db.Registrations
                .Where(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Confirmed && r.CheckedInAtUtc != null && r.ErasedAtUtc == null && r.Email != null)
                .OrderBy(r => r.Id)
                .ToListAsync(c);
            var (queued, before) = (0, 0);
            foreach (var registration in attended)
            {
                if (await IssueInTransactionAsync(registration, c) is not { } certificate)
                {
                    continue;
                }

                if (certificate.MarkEmailed(Now))
                {
                    outbox.Enqueue(registration, EmailKind.Certificate);
                    queued++;
                }
                else
                {
                    before++;
                }
            }

            if (queued > 0)
            {
                audit.Add(actor, AuditAction.CertificatesEmailed, workshopId, detail: AuditDetail.Of(AuditDetailKind.PeopleNotified, queued));
            }

            return new CertificateMailingOutcome(true, false, queued, before);
        }, ct);

    /// <summary>
    /// The purge's part: deletes the certificates of workshops held on or before <paramref name="heldOnOrBefore"/> (Helsinki date,
    /// <see cref="CertificateRules.ExpiresOn"/>), in the caller's transaction. Returns how many went.
    /// </summary>
    internal static Task<int> DeleteExpiredAsync(WorkshopsDbContext db, DateOnly heldOnOrBefore, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        return db.Certificates.Where(c => c.Workshop!.Date <= heldOnOrBefore).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Erasure's part (<see cref="PersonalData.EraseAsync"/>, at the person's request): their certificates are withdrawn;
    /// the holder's name is erased with the rest of the marked columns.
    /// </summary>
    internal static Task<int> WithdrawAsync(WorkshopsDbContext db, IReadOnlyCollection<int> registrationIds, DateTime nowUtc, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        return db.Certificates.Where(c => registrationIds.Contains(c.RegistrationId) && c.WithdrawnAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.WithdrawnAtUtc, nowUtc), ct);
    }

    private async Task<Certificate?> IssueInTransactionAsync(Registration registration, CancellationToken ct)
    {
        var existing = await db.Certificates.SingleOrDefaultAsync(c => c.RegistrationId == registration.Id, ct);
        if (existing is not null)
        {
            return existing.WithdrawnAtUtc is null ? existing : null;
        }

        if (!CertificateRules.MayHave(registration, WorkshopLifecycle.At(registration.Workshop!, time)))
        {
            return null;
        }

        var certificate = Certificate.IssueFor(registration, Now);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        return certificate;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
