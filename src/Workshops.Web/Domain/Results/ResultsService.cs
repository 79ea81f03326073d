using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Results;

/// <summary>
/// What pressing a "send the results" button did: whether the workshop was found, how many messages this press queued
/// (0 for a repeated press), and whether the form's key was used before (a double click or a resent form).
/// <see cref="Draft"/>: refused, nothing queued, because the workshop is an unpublished copy whose public pages the
/// message would link to answer 404. <see cref="NotListed"/>: the outside recipient is not (or no longer) on the
/// workshop's list. <see cref="LimitedUntilUtc"/>: the organiser's hourly budget of sends to outside recipients is spent
/// (<see cref="ResultsOptions.OutsideSendsPerHour"/>); the next one may go at that moment (UTC).
/// </summary>
public sealed record ResultsSendOutcome(bool Found, int Queued, bool AlreadySent, bool Draft = false, bool NotListed = false, DateTime? LimitedUntilUtc = null);

/// <summary>What adding an outside recipient to a workshop's list did.</summary>
public enum RecipientAddOutcome
{
    Added,

    /// <summary>The address is already on the workshop's list (compared as <see cref="TextRules.NormalizeEmail"/> does).</summary>
    AlreadyListed,
    NotFound,
}

/// <summary>What saving the results did.</summary>
public enum ResultsSaveOutcome
{
    Saved,
    NotFound,

    /// <summary>Publishing was asked for before the workshop started (<see cref="Workshops.WorkshopLifecycle.MayPublishResults"/>), or it is cancelled; nothing changed.</summary>
    TooEarly,

    /// <summary>Publishing was asked for while the workshop is a draft; nothing changed.</summary>
    Draft,
}

/// <summary>
/// A workshop's results: the organiser's summary, publishing it, and sending it by email to the participants or to the
/// outside recipients on the workshop's list (which this service also keeps). Each change is one
/// <see cref="WriteTransaction"/> with its audit entry; whether a form was already sent, who already had the results and
/// how many outside sends the organiser made this hour are read inside it, under the workshop's lock.
/// </summary>
public sealed class ResultsService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    AuditLog audit,
    EmailOutbox outbox,
    IOptions<ResultsOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// Saves the results summary and the "published" switch. Publishing is refused before the workshop has started (under
    /// way or held: <see cref="Workshops.WorkshopLifecycle.MayPublishResults"/>) and while it is a draft; the summary alone may be saved any time.
    /// </summary>
    public Task<ResultsSaveOutcome> SaveAsync(Guid workshopId, LocalizedText summary, bool publish, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, c);
            if (workshop is null)
            {
                return ResultsSaveOutcome.NotFound;
            }

            if (publish && workshop.IsDraft)
            {
                return ResultsSaveOutcome.Draft;
            }

            if (!workshop.SaveResults(summary, publish, Now))
            {
                return ResultsSaveOutcome.TooEarly;
            }

            audit.Add(actor, AuditAction.ResultsSaved, workshopId, detail: AuditDetail.Of(publish ? AuditDetailKind.ResultsPublished : AuditDetailKind.ResultsNotPublished));
            return ResultsSaveOutcome.Saved;
        }, ct);

    /// <summary>
    /// Saves the cover note on the results email to outside recipients (<see cref="ResultsState.CoverNote"/>: trimmed, NFC;
    /// empty removes it), audited as a results change. It goes into the messages composed after the save. False for an
    /// unknown workshop.
    /// </summary>
    public Task<bool> SaveCoverNoteAsync(Guid workshopId, LocalizedText note, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            await workshopLock.LockAsync(db, workshopId, c);
            if (await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, c) is not { } workshop)
            {
                return false;
            }

            // The summary and the switch stay as they are; only the note is new (published stays allowed once it was).
            workshop.SaveResults(workshop.Results.Summary, workshop.Results.Published && workshop.Status != WorkshopStatus.Cancelled, Now, note);
            audit.Add(actor, AuditAction.ResultsSaved, workshopId, detail: AuditDetail.Of(workshop.Results.Published ? AuditDetailKind.ResultsPublished : AuditDetailKind.ResultsNotPublished));
            return true;
        }, ct);

    /// <summary>
    /// Queues the results for every confirmed participant (checked in or not) who can still be written to and has
    /// not had them yet, once per <paramref name="formKey"/>: a double click or a resent form queues nothing more.
    /// </summary>
    public Task<ResultsSendOutcome> EmailParticipantsAsync(Guid workshopId, Guid formKey, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            await workshopLock.LockAsync(db, workshopId, c);
            if (await SendRefusalAsync(workshopId, c) is { } refused)
            {
                return refused;
            }

            if (await db.ResultsMailings.AnyAsync(m => m.Key == formKey, c))
            {
                return new ResultsSendOutcome(true, 0, true);
            }

            var people = await db.ResultsNotYetSent(workshopId)
                .OrderBy(r => r.Id)
                .ToListAsync(c);
            foreach (var person in people)
            {
                outbox.Enqueue(person, EmailKind.Results, mailingKey: formKey);
            }

            db.ResultsMailings.Add(new ResultsMailing { Key = formKey, WorkshopId = workshopId, AtUtc = Now, Recipients = people.Count, SentBy = actor });
            audit.Add(actor, AuditAction.ResultsSent, workshopId, detail: AuditDetail.Of(AuditDetailKind.ResultsToParticipants, people.Count));
            return new ResultsSendOutcome(true, people.Count, false);
        }, ct);

    /// <summary>
    /// Adds an outside recipient to the workshop's list (after the organiser's confirmation step), audited with the
    /// address. The address is validated by the form (<c>PlainEmail</c>, the registration's rule); one address is listed
    /// once per workshop. Nothing is sent.
    /// </summary>
    public Task<RecipientAddOutcome> AddRecipientAsync(Guid workshopId, string name, string email, string language, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (!await db.Workshops.AnyAsync(w => w.Id == workshopId, c))
            {
                return RecipientAddOutcome.NotFound;
            }

            // Two organisers adding the same address at once: the second finds the first (not the unique index's error).
            await workshopLock.LockAsync(db, workshopId, c);

            var recipient = OutsideRecipient.Create(workshopId, name, email, language, actor, Now);
            if (await db.OutsideRecipients.AnyAsync(r => r.WorkshopId == workshopId && r.EmailNormalized == recipient.EmailNormalized, c))
            {
                return RecipientAddOutcome.AlreadyListed;
            }

            db.OutsideRecipients.Add(recipient);
            audit.Add(actor, AuditAction.OutsideRecipientAdded, workshopId, detail: AuditDetail.Of(AuditDetailKind.OutsideRecipient, recipient.Email, recipient.Language));
            return RecipientAddOutcome.Added;
        }, ct);

    /// <summary>
    /// Takes an outside recipient off the workshop's list and erases their name and address there and in the outbox's
    /// copies (<see cref="OutsideRecipientData.EraseAsync"/>), audited with the address. Under the workshop's lock, so a
    /// send to them is either before (its copy is erased) or after (they are no longer listed). False when they are not
    /// (or no longer) on <paramref name="workshopId"/>'s list.
    /// </summary>
    public Task<bool> EraseRecipientAsync(Guid workshopId, int recipientId, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            await workshopLock.LockAsync(db, workshopId, c);
            if (await db.OutsideRecipients.SingleOrDefaultAsync(r => r.Id == recipientId && r.WorkshopId == workshopId && r.ErasedAtUtc == null, c) is not { } recipient)
            {
                return false;
            }

            audit.Add(actor, AuditAction.OutsideRecipientErased, workshopId, detail: AuditDetail.Of(AuditDetailKind.OutsideRecipient, recipient.Email, recipient.Language));
            await OutsideRecipientData.EraseAsync(db, [recipient], Now, c);
            return true;
        }, ct);

    /// <summary>
    /// Queues the results for one outside recipient on the workshop's list, once per <paramref name="formKey"/>, audited
    /// with the address. Each organiser may send to outside recipients at most <c>Results__OutsideSendsPerHour</c> times in
    /// any 60 minutes (counted from the <see cref="ResultsMailing"/> rows inside the write, after a lock that every
    /// instance takes, so it holds across instances); beyond it nothing is queued and
    /// <see cref="ResultsSendOutcome.LimitedUntilUtc"/> says when the next may go. The address never goes into a log line.
    /// </summary>
    public Task<ResultsSendOutcome> SendToRecipientAsync(Guid workshopId, Guid formKey, int recipientId, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            await workshopLock.LockAsync(db, workshopId, c);
            if (await SendRefusalAsync(workshopId, c) is { } refused)
            {
                return refused;
            }

            if (await db.ResultsMailings.AnyAsync(m => m.Key == formKey, c))
            {
                return new ResultsSendOutcome(true, 0, true);
            }

            if (await db.OutsideRecipients.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recipientId && r.WorkshopId == workshopId && r.ErasedAtUtc == null, c) is not { } recipient)
            {
                return new ResultsSendOutcome(true, 0, false, NotListed: true);
            }

            await PostgresLocks.TakeAsync(db, PostgresLocks.OutsideSends, c);
            var since = Now.AddHours(-1);
            var sentThisHour = await db.ResultsMailings
                .Where(m => m.ToOutsideRecipient && m.SentBy == actor && m.AtUtc > since)
                .OrderBy(m => m.AtUtc).Select(m => m.AtUtc).ToListAsync(c);
            if (sentThisHour.Count >= options.Value.OutsideSendsPerHour)
            {
                return new ResultsSendOutcome(true, 0, false, LimitedUntilUtc: sentThisHour[sentThisHour.Count - options.Value.OutsideSendsPerHour].AddHours(1));
            }

            outbox.EnqueueToRecipient(workshopId, EmailKind.Results, recipient.Name, recipient.Email, recipient.Language, formKey);
            db.ResultsMailings.Add(new ResultsMailing
            {
                Key = formKey,
                WorkshopId = workshopId,
                AtUtc = Now,
                ToOutsideRecipient = true,
                Recipients = 1,
                SentBy = actor,
            });
            audit.Add(actor, AuditAction.ResultsSent, workshopId, detail: AuditDetail.Of(AuditDetailKind.ResultsToRecipient, recipient.Email));
            return new ResultsSendOutcome(true, 1, false);
        }, ct);

    /// <summary>Why results may not be sent for this workshop (unknown, or a draft), read under its lock; null when they may.</summary>
    private async Task<ResultsSendOutcome?> SendRefusalAsync(Guid workshopId, CancellationToken ct) =>
        await db.Workshops.Where(w => w.Id == workshopId).Select(w => (bool?)(w.PublishedAtUtc == null)).SingleOrDefaultAsync(ct) switch
        {
            null => new ResultsSendOutcome(false, 0, false),
            true => new ResultsSendOutcome(true, 0, false, Draft: true),
            false => null,
        };

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
