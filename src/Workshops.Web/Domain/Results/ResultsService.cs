using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Results;

/// <summary>
/// What pressing a "send the results" button did: whether the workshop was found, how many messages this press queued
/// (0 for a repeated press), and whether the form's key was used before (a double click or a resent form).
/// <see cref="Draft"/>: refused, nothing queued, because the workshop is an unpublished copy whose public pages the
/// message would link to answer 404.
/// </summary>
public sealed record ResultsSendOutcome(bool Found, int Queued, bool AlreadySent, bool Draft = false);

/// <summary>What saving the results did.</summary>
public enum ResultsSaveOutcome
{
    Saved,
    NotFound,

    /// <summary>Publishing was asked for before the workshop's day (Helsinki date); nothing changed.</summary>
    TooEarly,

    /// <summary>Publishing was asked for while the workshop is a draft; nothing changed.</summary>
    Draft,
}

/// <summary>
/// A workshop's results: the organiser's summary, publishing it, and sending it by email to the participants or to an
/// outside recipient. Each change is one <see cref="WriteTransaction"/> with its audit entry; whether a form was already
/// sent and who already had the results are read inside it, under the workshop's lock.
/// </summary>
public sealed class ResultsService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    AuditLog audit,
    EmailOutbox outbox,
    TimeProvider time)
{
    /// <summary>
    /// Saves the results summary and the "published" switch. Publishing is refused before the workshop's day (Helsinki
    /// date) and while it is a draft; the summary alone may be saved on a draft.
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

            if (!workshop.SaveResults(summary, publish, DateOnly.FromDateTime(HelsinkiTime.Now(time)), Now))
            {
                return ResultsSaveOutcome.TooEarly;
            }

            audit.Add(actor, AuditAction.ResultsSaved, workshopId, detail: AuditDetail.Of(publish ? AuditDetailKind.ResultsPublished : AuditDetailKind.ResultsNotPublished));
            return ResultsSaveOutcome.Saved;
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

            db.ResultsMailings.Add(new ResultsMailing { Key = formKey, WorkshopId = workshopId, AtUtc = Now, Recipients = people.Count });
            audit.Add(actor, AuditAction.ResultsSent, workshopId, detail: AuditDetail.Of(AuditDetailKind.ResultsToParticipants, people.Count));
            return new ResultsSendOutcome(true, people.Count, false);
        }, ct);

    /// <summary>
    /// Queues the results for one outside recipient (a decision-maker), once per <paramref name="formKey"/>. The address
    /// is validated by the form (<c>PlainEmail</c>, the registration's rule); it never goes into the audit log or a log line.
    /// </summary>
    public Task<ResultsSendOutcome> SendToRecipientAsync(Guid workshopId, Guid formKey, string name, string email, string language, string actor, CancellationToken ct = default) =>
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

            outbox.EnqueueToRecipient(workshopId, EmailKind.Results, name.Trim(), TextRules.Nfc(email.Trim()), language, formKey);
            db.ResultsMailings.Add(new ResultsMailing { Key = formKey, WorkshopId = workshopId, AtUtc = Now, ToOutsideRecipient = true, Recipients = 1 });
            audit.Add(actor, AuditAction.ResultsSent, workshopId, detail: AuditDetail.Of(AuditDetailKind.ResultsToOutsider));
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
