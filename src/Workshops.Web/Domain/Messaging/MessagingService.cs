using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;
using Workshops.Web.Localization;

namespace Workshops.Web.Domain.Messaging;

/// <summary>What an organiser wrote: subjects and texts per language (Swedish and English may be empty) and the recipients.</summary>
public sealed record MessageDraft(LocalizedText Subject, LocalizedText Body, MessageRecipients Recipients)
{
    /// <summary>The message as it would be kept, not yet saved (for the preview).</summary>
    public AttendeeMessage ToMessage(Guid workshopId) => new()
    {
        WorkshopId = workshopId,
        Subject = new LocalizedText { Fi = Subject.Fi, Sv = Subject.Sv, En = Subject.En },
        Body = new LocalizedText { Fi = Body.Fi, Sv = Body.Sv, En = Body.En },
        Recipients = Recipients,
    };
}

/// <summary>
/// Messages organisers send: a message to a workshop's attendees (one outbox row per person, in their registration's
/// language, kept as an <see cref="AttendeeMessage"/> with its audit entry, all in one <see cref="WriteTransaction"/>),
/// and sending a message that failed for good once more. The automatic reminder is <see cref="EventReminders"/>'s.
/// </summary>
public sealed class MessagingService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    EmailOutbox outbox,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>How many people <paramref name="recipients"/> reaches now, per language (fi, sv, en; others count as fi).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByLanguageAsync(Guid workshopId, MessageRecipients recipients, CancellationToken ct = default)
    {
        var languages = await Recipients(workshopId, recipients).Select(r => r.Language).ToListAsync(ct);
        return Cultures.Supported.ToDictionary(
            language => language,
            language => languages.Count(l => (Cultures.IsSupported(l) ? l : Cultures.Default) == language));
    }

    /// <summary>How many people each group reaches now.</summary>
    public async Task<IReadOnlyDictionary<MessageRecipients, int>> GroupSizesAsync(Guid workshopId, CancellationToken ct = default)
    {
        var sizes = new Dictionary<MessageRecipients, int>();
        foreach (var group in Enum.GetValues<MessageRecipients>())
        {
            sizes[group] = await Recipients(workshopId, group).CountAsync(ct);
        }

        return sizes;
    }

    /// <summary>
    /// Sends the message once per <paramref name="idempotencyKey"/> (the form's): the first call queues a copy for every
    /// recipient, read inside the transaction under the workshop's lock; a later call with the same key (a double click,
    /// a resent form after a crash) sends nothing and returns the message already sent. Null for an unknown workshop or
    /// a key used for another workshop.
    /// </summary>
    public async Task<AttendeeMessage?> SendAsync(Guid workshopId, Guid idempotencyKey, MessageDraft draft, string actor, CancellationToken ct = default)
    {
        try
        {
            return await writes.RunAsync(async c =>
            {
                await workshopLock.LockAsync(db, workshopId, c);
                if (await db.AttendeeMessages.SingleOrDefaultAsync(m => m.IdempotencyKey == idempotencyKey, c) is { } sent)
                {
                    return sent.WorkshopId == workshopId ? sent : null;
                }

                if (!await db.Workshops.AnyAsync(w => w.Id == workshopId, c))
                {
                    return null;
                }

                var message = draft.ToMessage(workshopId);
                message.Id = Guid.NewGuid();
                message.IdempotencyKey = idempotencyKey;
                message.SentBy = actor.Length > AuditEntry.ActorMaxLength ? actor[..AuditEntry.ActorMaxLength] : actor;
                message.SentAtUtc = time.GetUtcNow().UtcDateTime;
                var people = await Recipients(workshopId, draft.Recipients).OrderBy(r => r.Id).ToListAsync(c);
                message.RecipientCount = people.Count;
                db.AttendeeMessages.Add(message);
                foreach (var person in people)
                {
                    outbox.Enqueue(person, EmailKind.AttendeeMessage, message: message);
                }

                audit.Add(actor, AuditAction.AttendeeMessageSent, workshopId,
                    detail: AuditDetail.Of(AuditDetailKind.AttendeeMessage, message.Id, draft.Recipients, people.Count));
                return message;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // The unique key lost a race the lock did not cover: the other request sent it, so report that one.
            db.ChangeTracker.Clear();
            return await db.AttendeeMessages.AsNoTracking().SingleOrDefaultAsync(m => m.IdempotencyKey == idempotencyKey && m.WorkshopId == workshopId, ct)
                ?? throw new InvalidOperationException("Saving the message failed and no message with its key exists.");
        }
    }

    /// <summary>Active, not erased registrations with an address of the workshop in the chosen group.</summary>
    private IQueryable<Registration> Recipients(Guid workshopId, MessageRecipients recipients)
    {
        var active = db.Registrations.Where(r => r.WorkshopId == workshopId && r.ErasedAtUtc == null && r.Status != RegistrationStatus.Cancelled && r.Email != null);
        return recipients switch
        {
            MessageRecipients.Confirmed => active.Where(r => r.Status == RegistrationStatus.Confirmed),
            MessageRecipients.Waitlisted => active.Where(r => r.Status == RegistrationStatus.Waitlisted),
            MessageRecipients.CheckedIn => active.Where(r => r.CheckedInAtUtc != null),
            _ => active,
        };
    }

    /// <summary>Sends a message that failed for good once more, with a fresh set of tries. False when it is not failed.</summary>
    public async Task<bool> RequeueEmailAsync(Guid emailId, string actor, CancellationToken ct = default)
    {
        var requeued = await writes.RunAsync(async c =>
        {
            var email = await db.OutgoingEmails.Include(e => e.Registration).SingleOrDefaultAsync(e => e.Id == emailId, c);
            // A message to an outside recipient has no registration: it may always be tried again.
            if (email is null || email.State != EmailState.Failed || email.Registration?.ErasedAtUtc is not null)
            {
                return false;
            }

            email.State = EmailState.Queued;
            email.Attempts = 0;
            email.NextAttemptAtUtc = Now;
            audit.Add(actor, AuditAction.EmailRequeued, email.Registration?.WorkshopId ?? email.WorkshopId, email.RegistrationId, AuditDetail.Of(AuditDetailKind.EmailKind, email.Kind));
            outbox.WakeAfterCommit();
            return true;
        }, ct);
        return requeued;
    }

    /// <summary>The shortest time between two resent confirmations to one person (issue 25): a misclick cannot flood them.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Sends person <paramref name="registrationId"/> of workshop <paramref name="workshopId"/> their registration as it
    /// is now, with their manage link (<see cref="EmailKind.Reminder"/>, in their language), at most once per
    /// <see cref="ResendInterval"/>: any such message queued within it (by an organiser, or by the person registering
    /// again) makes this one <see cref="ResendOutcome.TooSoon"/>. Decided inside the write under the workshop's lock;
    /// audited. A cancelled or erased registration gets nothing.
    /// </summary>
    public Task<ResendResult> ResendConfirmationAsync(Guid workshopId, int registrationId, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            await workshopLock.LockAsync(db, workshopId, c);
            var person = await db.Registrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.WorkshopId == workshopId, c);
            if (person is null)
            {
                return new ResendResult(ResendOutcome.NotFound);
            }

            if (person.ErasedAtUtc is not null || person.Status == RegistrationStatus.Cancelled)
            {
                return new ResendResult(ResendOutcome.NotActive);
            }

            var last = await db.OutgoingEmails.Where(e => e.RegistrationId == registrationId && e.Kind == EmailKind.Reminder)
                .OrderByDescending(e => e.CreatedAtUtc).Select(e => (DateTime?)e.CreatedAtUtc).FirstOrDefaultAsync(c);
            if (last is { } at && at + ResendInterval > Now)
            {
                return new ResendResult(ResendOutcome.TooSoon, at + ResendInterval);
            }

            outbox.Enqueue(person, EmailKind.Reminder);
            audit.Add(actor, AuditAction.ConfirmationResent, workshopId, registrationId);
            return new ResendResult(ResendOutcome.Queued);
        }, ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}

/// <summary>What <see cref="MessagingService.ResendConfirmationAsync"/> did.</summary>
public enum ResendOutcome
{
    /// <summary>The message is queued.</summary>
    Queued,

    /// <summary>No such registration in this workshop.</summary>
    NotFound,

    /// <summary>The registration is cancelled or its data erased: nothing to send.</summary>
    NotActive,

    /// <summary>One went less than <see cref="MessagingService.ResendInterval"/> ago.</summary>
    TooSoon,
}

/// <summary>The outcome, and for <see cref="ResendOutcome.TooSoon"/> when the next may go (UTC).</summary>
public sealed record ResendResult(ResendOutcome Outcome, DateTime? NextAtUtc = null);
