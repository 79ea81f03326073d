using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Workshops;

/// <summary>
/// Every change to a workshop itself: creating, editing (a new time or place tells everyone registered), opening and
/// closing registration, cancelling, the walk-in head count, and drafts (copying, publishing, deleting). Each is one
/// <see cref="WriteTransaction"/> holding the change, its outbox messages and its audit entry; anything about a workshop
/// is read after taking its <see cref="IWorkshopLock"/>. <c>actor</c> is the signed-in organiser's address, written
/// to the audit log.
/// </summary>
public sealed class WorkshopService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    RegistrationService registrations,
    EmailOutbox outbox,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>Null when the slug is already taken.</summary>
    public Task<Guid?> CreateAsync(WorkshopDetails details, string actor, CancellationToken ct = default) =>
        InTransactionAsync<Guid?>(async () =>
        {
            if (await db.Workshops.AnyAsync(w => w.Slug == details.Slug, ct))
            {
                return null;
            }

            var workshop = Workshop.Create(Guid.NewGuid(), details, Now);
            db.Workshops.Add(workshop);
            audit.Add(actor, AuditAction.WorkshopCreated, workshop.Id, detail: AuditDetail.Of(AuditDetailKind.WorkshopAddress, details.Slug));
            return workshop.Id;
        }, ct);

    /// <summary>
    /// Saves an edit. A new time or place raises the calendar sequence and sends every registrant (confirmed or
    /// waiting) the change notice; more seats (or turning the event walk-in) promote people from the waiting list.
    /// A new date is refused (nothing saved, <see cref="EditOutcome.DateCertified"/>) once certificates of attendance exist
    /// that are valid or may be again (withdrawn for an arrival taken back): they print the day the holders attended, and the verification page and a downloaded PDF would then name another.
    /// </summary>
    public Task<EditOutcome> UpdateAsync(Guid workshopId, WorkshopDetails details, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null)
            {
                return new EditOutcome(false);
            }

            // Also one withdrawn because the arrival was taken back: marked arrived again, it is valid again with its code.
            if (details.Date != workshop.Date && await db.Certificates.AnyAsync(
                c => c.WorkshopId == workshopId && (c.WithdrawnAtUtc == null || c.WithdrawnBecause == CertificateWithdrawal.AttendanceUndone), ct))
            {
                return new EditOutcome(true, DateCertified: true);
            }

            var now = Now;
            var previous = new PreviousSchedule(workshop.Date, workshop.StartTime, workshop.EndTime, workshop.Place);
            workshop.ChangeTexts(details.Title, details.Description, now);
            workshop.ChangeSettings(details, now);
            if (details.Proposals is { } proposals)
            {
                workshop.ChangeProposalSettings(proposals, now);
            }

            var scheduleChanged = workshop.ChangeSchedule(details.Date, details.StartTime, details.EndTime, details.Place, details.OnlineJoinUrl, now);
            var notified = 0;
            if (scheduleChanged && workshop.Status != WorkshopStatus.Cancelled)
            {
                foreach (var person in await ReachableAsync(workshop.Id, ct))
                {
                    outbox.Enqueue(person, EmailKind.Changed, previous);
                    notified++;
                }
            }

            await db.SaveChangesAsync(ct);
            var promoted = await registrations.PromoteWaitingInTransactionAsync(workshop, ct);
            audit.Add(actor, scheduleChanged ? AuditAction.ScheduleChanged : AuditAction.WorkshopEdited, workshop.Id,
                detail: AuditDetail.Of(AuditDetailKind.WorkshopEdited, notified, promoted, workshop.Capacity));
            return new EditOutcome(true, scheduleChanged, notified, promoted);
        }, ct);

    /// <summary>An edit that tells nobody (<see cref="Workshop.DescribeAccessibility"/>, <see cref="Workshop.ChangePracticalInfo"/>: <paramref name="change"/>
    /// gets the locked workshop and the moment, UTC, and says whether it changed), audited as an edit. False for an unknown workshop.</summary>
    public Task<bool> ChangeDetailsAsync(Guid workshopId, Func<Workshop, DateTime, bool> change, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is not null && change(workshop, Now))
            {
                audit.Add(actor, AuditAction.WorkshopEdited, workshop.Id); // saved by the write seam with the change
            }

            return workshop is not null;
        }, ct);

    /// <summary>Opens or closes registration; opening may fill seats from the waiting list. False for an unknown or cancelled workshop.</summary>
    public Task<bool> SetRegistrationOpenAsync(Guid workshopId, bool open, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null || !workshop.SetRegistrationOpen(open, Now))
            {
                return false;
            }

            await db.SaveChangesAsync(ct);
            audit.Add(actor, open ? AuditAction.RegistrationOpened : AuditAction.RegistrationClosed, workshop.Id);
            return true;
        }, ct);

    /// <summary>
    /// Publishes a draft (a copy): from the commit on it is in the public programme, the feeds and at its address (the
    /// commit evicts the public cache, on every instance). Publishing a published workshop changes nothing and writes no
    /// audit entry (a double click). A cancelled draft is refused (<see cref="Workshop.CanBePublished"/>), decided under the
    /// lock so a cancel that commits first is seen.
    /// </summary>
    public Task<PublishOutcome> PublishAsync(Guid workshopId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null)
            {
                return PublishOutcome.NotFound;
            }

            if (workshop.IsDraft && !workshop.CanBePublished)
            {
                return PublishOutcome.CancelledDraft;
            }

            if (workshop.Publish(Now))
            {
                audit.Add(actor, AuditAction.WorkshopPublished, workshop.Id);
            }

            return PublishOutcome.Published;
        }, ct);

    /// <summary>
    /// Cancels the workshop and tells everyone registered (confirmed or waiting) with the <paramref name="reason"/> (null: none). Returns how many were told, or null for
    /// an unknown workshop, one already cancelled, or one already held (<see cref="WorkshopLifecycle.MayBeCancelled"/>:
    /// people took part, and a calendar CANCEL would strike an event they attended).
    /// </summary>
    public Task<int?> CancelAsync(Guid workshopId, string actor, LocalizedText? reason = null, CancellationToken ct = default) =>
        InTransactionAsync<int?>(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null || workshop.Status == WorkshopStatus.Cancelled || !WorkshopLifecycle.At(workshop, time).MayBeCancelled)
            {
                return null;
            }

            workshop.Cancel(Now, reason);
            var people = await ReachableAsync(workshop.Id, ct);
            foreach (var person in people)
            {
                outbox.Enqueue(person, EmailKind.WorkshopCancelled);
            }

            audit.Add(actor, AuditAction.WorkshopCancelled, workshop.Id, detail: AuditDetail.Of(AuditDetailKind.PeopleNotified, people.Count));
            return people.Count;
        }, ct);

    /// <summary>The number of visitors counted at a walk-in event (null clears it).</summary>
    public Task<bool> RecordHeadCountAsync(Guid workshopId, int? headCount, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            if (headCount is < 0 || await LockedWorkshopAsync(workshopId, ct) is not { } workshop)
            {
                return false;
            }

            workshop.RecordHeadCount(headCount, Now);
            audit.Add(actor, AuditAction.HeadCountRecorded, workshopId,
                detail: headCount is null ? AuditDetail.Of(AuditDetailKind.HeadCountCleared) : AuditDetail.Of(AuditDetailKind.HeadCount, headCount));
            return true;
        }, ct);

    /// <summary>
    /// A copy of <paramref name="sourceId"/> as a draft with registration closed, carrying what <see cref="WorkshopCopy.Of"/>
    /// says (nothing of the source's people or history) and the questions on its form (with the options on the form, not
    /// the archived ones); slug <c>{slug}-kopio</c> (then <c>-kopio-2</c>, <c>-kopio-3</c>…). Null when the source does not exist.
    /// </summary>
    /// <remarks>
    /// Copies are serialised (<see cref="PostgresLocks.WorkshopCopy"/>): otherwise two PostgreSQL instances copying at
    /// once read the same free slug and the second insert broke the unique index (a 500). Chosen over retrying on the
    /// unique violation because it is one statement, copies are rare, and no failed transaction needs to be told apart.
    /// </remarks>
    public Task<Workshop?> CopyAsync(Guid sourceId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            await PostgresLocks.TakeAsync(db, PostgresLocks.WorkshopCopy, ct);
            if (await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == sourceId, ct) is not { } source)
            {
                return null;
            }

            var slug = await FreeSlugAsync(source.Slug, ct);
            var copy = WorkshopCopy.Of(source, Guid.NewGuid(), slug, Now);
            db.Workshops.Add(copy);
            var position = 0;
            foreach (var question in await db.ActiveQuestionsAsync(sourceId, ct))
            {
                var options = question.IsChoice ? question.Choices.Select(o => new OptionDraft(null, o.Text)).ToList() : [];
                db.WorkshopQuestions.Add(WorkshopQuestion.Create(copy.Id, ++position,
                    new QuestionDraft(question.Kind, question.Text, question.Help, question.Required, options)));
            }

            audit.Add(actor, AuditAction.WorkshopCopied, copy.Id, detail: AuditDetail.Of(AuditDetailKind.WorkshopCopied, source.Slug, slug, position));
            return copy;
        }, ct);

    /// <summary>
    /// Deletes a draft (a mistaken or doubled copy) with its questions and the records that belong only to it (its
    /// outside recipients too, <see cref="OutsideRecipientData.ForgetDraftAsync"/>). Refused
    /// for a published workshop (it is cancelled instead) and for a draft that has registrations, proposals, feedback
    /// answers or outgoing emails; decided under the workshop's lock from the database, so of two deletes (a double
    /// click, two organisers) the second finds nothing. The audit entry keeps the slug: the log has no foreign keys
    /// and outlives the workshop. The commit empties the public cache like every other write.
    /// </summary>
    public Task<DraftDeletion> DeleteDraftAsync(Guid workshopId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null)
            {
                return DraftDeletion.NotFound;
            }

            if (!workshop.IsDraft)
            {
                return DraftDeletion.Published;
            }

            if (await db.Registrations.AnyAsync(r => r.WorkshopId == workshopId, ct)
                || await db.Proposals.AnyAsync(p => p.WorkshopId == workshopId, ct)
                || await db.FeedbackAnswers.AnyAsync(a => a.WorkshopId == workshopId, ct)
                || await db.OutgoingEmails.AnyAsync(e => e.WorkshopId == workshopId, ct))
            {
                return DraftDeletion.InUse;
            }

            db.WorkshopQuestions.RemoveRange(await db.WorkshopQuestions.Where(q => q.WorkshopId == workshopId).ToListAsync(ct));
            db.AttendeeMessages.RemoveRange(await db.AttendeeMessages.Where(m => m.WorkshopId == workshopId).ToListAsync(ct));
            db.ResultsMailings.RemoveRange(await db.ResultsMailings.Where(m => m.WorkshopId == workshopId).ToListAsync(ct));
            await OutsideRecipientData.ForgetDraftAsync(db, workshopId, ct);
            db.Workshops.Remove(workshop);
            audit.Add(actor, AuditAction.WorkshopDeleted, workshopId, detail: AuditDetail.Of(AuditDetailKind.WorkshopAddress, workshop.Slug));
            return DraftDeletion.Deleted;
        }, ct);

    private async Task<string> FreeSlugAsync(string slug, CancellationToken ct)
    {
        const string suffix = "-kopio";
        var stem = slug.Length + suffix.Length + 4 > WorkshopConfiguration.SlugMaxLength
            ? slug[..(WorkshopConfiguration.SlugMaxLength - suffix.Length - 4)].TrimEnd('-')
            : slug;
        var taken = await db.Workshops.Where(w => w.Slug.StartsWith(stem + suffix)).Select(w => w.Slug).ToListAsync(ct);
        var candidate = stem + suffix;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{stem}{suffix}-{n}";
        }

        return candidate;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Everyone who holds or waits for a seat and can still be written to (not erased, with an address).</summary>
    private Task<List<Registration>> ReachableAsync(Guid workshopId, CancellationToken ct) =>
        db.Registrations
            .Where(r => r.WorkshopId == workshopId && r.Status != RegistrationStatus.Cancelled && r.ErasedAtUtc == null && r.Email != null)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);

    /// <summary>Takes the workshop's lock, then loads it: what follows decides on the database's current state.</summary>
    private async Task<Workshop?> LockedWorkshopAsync(Guid workshopId, CancellationToken ct)
    {
        await workshopLock.LockAsync(db, workshopId, ct);
        return await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, ct);
    }

    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) => writes.RunAsync(_ => work(), ct);
}
