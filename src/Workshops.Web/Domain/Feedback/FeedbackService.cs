using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Feedback;

/// <summary>What became of a submitted feedback answer.</summary>
public enum FeedbackSaveOutcome
{
    /// <summary>A new answer was stored (or, for a walk-in form posted again, its answer already was).</summary>
    Saved,

    /// <summary>The person's earlier answer was replaced.</summary>
    Updated,

    /// <summary>The organiser has closed feedback for the workshop.</summary>
    Closed,

    /// <summary>Not a participant (cancelled, only waiting), erased, or the workshop is cancelled or takes no walk-in answers.</summary>
    NotAllowed,

    /// <summary>The workshop's day has not come yet.</summary>
    NotYet,

    /// <summary>
    /// A walk-in form whose key this site did not issue for this workshop's form, or issued too long ago
    /// (<see cref="WalkInFormKeys"/>): nothing stored; the person sends the form again with a fresh key.
    /// </summary>
    FormRefused,
}

/// <summary>What "send feedback requests now" did: the workshop was not found, feedback is closed, or how many were queued.</summary>
public sealed record FeedbackRequestOutcome(bool Found, bool Closed, int Queued);

/// <summary>
/// Feedback on the method: the requests (automatic and by hand), the answers of participants and walk-in visitors, and
/// closing feedback. Each change is one <see cref="WriteTransaction"/>; decisions are read under the workshop's lock.
/// </summary>
public sealed class FeedbackService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    EmailOutbox outbox,
    AuditLog audit,
    WalkInFormKeys walkInKeys,
    IOptions<FeedbackOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// The automatic round: queues a request for every participant not yet asked, in each workshop whose request is due
    /// (<see cref="FeedbackRules.RequestDueLocal(Workshop, TimeSpan)"/>) and whose feedback is open. Several instances:
    /// one of them does each round (<see cref="ScheduledJobLock"/>). Drafts are skipped. Returns how many requests were queued.
    /// </summary>
    public Task<int> RequestDueAsync(CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (!await ScheduledJobLock.TryTakeAsync(db, PostgresLocks.FeedbackRequests, c))
            {
                return 0;
            }

            var nowLocal = HelsinkiTime.Now(time);
            var today = DateOnly.FromDateTime(nowLocal);
            var candidates = await db.Workshops.AsNoTracking()
                .Where(w => w.Status != WorkshopStatus.Cancelled && w.Feedback.ClosedAtUtc == null && w.Date <= today
                    && w.PublishedAtUtc != null) // a draft has not taken place as such
                .Select(w => new { w.Id, w.Date, w.StartTime, w.EndTime, w.Status })
                .ToListAsync(c);
            var queued = 0;
            foreach (var w in candidates.Where(w => FeedbackRules.RequestDueLocal(w.Date, w.StartTime, w.EndTime, w.Status, options.Value.Delay) <= nowLocal))
            {
                var count = await QueueInTransactionAsync(w.Id, c);
                if (count > 0)
                {
                    audit.Add(AuditEntry.System, AuditAction.FeedbackRequested, w.Id, detail: AuditDetail.Of(AuditDetailKind.FeedbackAutomatic, count));
                }

                queued += count;
            }

            return queued;
        }, ct);

    /// <summary>"Send feedback requests now": queues a request for each participant not yet asked. Idempotent: nobody gets two.</summary>
    public Task<FeedbackRequestOutcome> SendNowAsync(Guid workshopId, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, c);
            if (workshop is null || workshop.Status == WorkshopStatus.Cancelled)
            {
                return new FeedbackRequestOutcome(false, false, 0);
            }

            if (workshop.Feedback.ClosedAtUtc is not null)
            {
                return new FeedbackRequestOutcome(true, true, 0);
            }

            var count = await QueueInTransactionAsync(workshop.Id, c, locked: true);
            audit.Add(actor, AuditAction.FeedbackRequested, workshop.Id, detail: AuditDetail.Of(AuditDetailKind.FeedbackByHand, count));
            return new FeedbackRequestOutcome(true, false, count);
        }, ct);

    /// <summary>Closes or reopens feedback for a workshop. False for an unknown or cancelled workshop.</summary>
    public Task<bool> SetOpenAsync(Guid workshopId, bool open, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, c);
            if (workshop is null || workshop.Status == WorkshopStatus.Cancelled)
            {
                return false;
            }

            if (workshop.SetFeedbackOpen(open, Now))
            {
                audit.Add(actor, open ? AuditAction.FeedbackReopened : AuditAction.FeedbackClosed, workshop.Id);
            }

            return true;
        }, ct);

    /// <summary>
    /// Stores a participant's answer, or replaces their earlier one (one answer per person, enforced by a unique index).
    /// They may answer once the workshop's day has come or their request was sent, until the organiser closes feedback.
    /// </summary>
    public Task<FeedbackSaveOutcome> SaveParticipantAsync(int registrationId, FeedbackResponse response, string language, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var workshopId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => (Guid?)r.WorkshopId).SingleOrDefaultAsync(c);
            var workshop = workshopId is { } id ? await LockedWorkshopAsync(id, c) : null;
            var registration = await db.Registrations.SingleOrDefaultAsync(r => r.Id == registrationId, c);
            if (workshop is null || registration is null || !registration.MayGiveFeedback || workshop.Status == WorkshopStatus.Cancelled)
            {
                return FeedbackSaveOutcome.NotAllowed;
            }

            if (workshop.Feedback.ClosedAtUtc is not null)
            {
                return FeedbackSaveOutcome.Closed;
            }

            if (registration.FeedbackRequestedAtUtc is null && DateOnly.FromDateTime(HelsinkiTime.Now(time)) < workshop.Date)
            {
                return FeedbackSaveOutcome.NotYet;
            }

            var existing = await db.FeedbackAnswers.SingleOrDefaultAsync(a => a.RegistrationId == registration.Id, c);
            if (existing is not null)
            {
                existing.Edit(response, Now);
                return FeedbackSaveOutcome.Updated;
            }

            db.FeedbackAnswers.Add(FeedbackAnswer.ForParticipant(registration, response, language, Now));
            return FeedbackSaveOutcome.Saved;
        }, ct);

    /// <summary>
    /// Stores a walk-in visitor's anonymous answer, when the workshop's walk-in feedback is open
    /// (<see cref="FeedbackRules.WalkInState"/>), once per form: <paramref name="formKey"/> must be a key this site issued
    /// for this workshop's form (<see cref="WalkInFormKeys.Issue"/>) within <c>Feedback__WalkInFormHours</c>, else
    /// <see cref="FeedbackSaveOutcome.FormRefused"/> and nothing is stored (a made-up, altered, borrowed or stale key). A
    /// stand's tablet takes many answers, each from a new form, but the same form posted again stores nothing and is
    /// answered <see cref="FeedbackSaveOutcome.Saved"/> as the first post was (its one-use number is stored with the
    /// answer). The workshop's lock serialises the check on both providers; the unique index is the last guard (a lost
    /// race reads the winner's answer).
    /// </summary>
    public async Task<FeedbackSaveOutcome> SaveWalkInAsync(Guid workshopId, string? formKey, FeedbackResponse response, string language, CancellationToken ct = default)
    {
        var key = walkInKeys.Read(formKey, workshopId);
        if (key.State == WalkInKeyState.Forged)
        {
            return FeedbackSaveOutcome.FormRefused;
        }

        try
        {
            return await writes.RunAsync(async c =>
            {
                var workshop = await LockedWorkshopAsync(workshopId, c);
                var keyOwner = await WalkInKeyOwnerAsync(key.Nonce, c);
                if (keyOwner == workshopId)
                {
                    return FeedbackSaveOutcome.Saved;
                }

                if (key.State == WalkInKeyState.Expired || keyOwner is not null)
                {
                    return FeedbackSaveOutcome.FormRefused;
                }

                var state = workshop is null ? WalkInFeedback.NotOffered : FeedbackRules.WalkInState(workshop, HelsinkiTime.Now(time));
                switch (state)
                {
                    case WalkInFeedback.Open:
                        db.FeedbackAnswers.Add(FeedbackAnswer.ForWalkIn(workshopId, response, language, Now, key.Nonce));
                        return FeedbackSaveOutcome.Saved;
                    case WalkInFeedback.Closed:
                        return FeedbackSaveOutcome.Closed;
                    case WalkInFeedback.NotYet:
                        return FeedbackSaveOutcome.NotYet;
                    default:
                        return FeedbackSaveOutcome.NotAllowed;
                }
            }, ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            if (await WalkInKeyOwnerAsync(key.Nonce, ct) == workshopId)
            {
                return FeedbackSaveOutcome.Saved;
            }

            throw;
        }
    }

    /// <summary>
    /// Erasure's part (<see cref="PersonalData.EraseAsync"/>): the answers of these registrations lose their tie to the
    /// person and their written texts; the ratings stay for the report. The caller saves.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    internal static async Task AnonymiseAsync(WorkshopsDbContext db, IReadOnlyCollection<int> registrationIds, DateTime nowUtc, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        var answers = await db.FeedbackAnswers
            .Where(a => a.RegistrationId != null && registrationIds.Contains(a.RegistrationId.Value))
            .ToListAsync(ct);
        foreach (var answer in answers)
        {
            answer.Anonymise(nowUtc);
        }
    }

    /// <summary>
    /// The retention purge's part for walk-in answers of workshops held on or before <paramref name="cutoff"/>: their written
    /// texts go after the same retention time as registrants' data (a visitor may have written a name). Returns how many.
    /// </summary>
    internal static async Task<int> AnonymiseWalkInAsync(WorkshopsDbContext db, DateOnly cutoff, DateTime nowUtc, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        var answers = await db.FeedbackAnswers
            .Where(a => a.Source == FeedbackSource.WalkIn && a.AnonymisedAtUtc == null && a.Workshop!.Date <= cutoff)
            .ToListAsync(ct);
        foreach (var answer in answers)
        {
            answer.Anonymise(nowUtc);
        }

        return answers.Count;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The workshop whose walk-in answer holds <paramref name="formKey"/>, or null when none does.</summary>
    private Task<Guid?> WalkInKeyOwnerAsync(Guid formKey, CancellationToken ct) =>
        db.FeedbackAnswers.AsNoTracking().Where(a => a.FormKey == formKey).Select(a => (Guid?)a.WorkshopId).SingleOrDefaultAsync(ct);

    /// <summary>Marks and queues every participant of the workshop not yet asked; takes the workshop's lock unless held.</summary>
    private async Task<int> QueueInTransactionAsync(Guid workshopId, CancellationToken ct, bool locked = false)
    {
        if (!locked)
        {
            await workshopLock.LockAsync(db, workshopId, ct);
        }

        var people = await db.Registrations
            .Where(r => r.WorkshopId == workshopId && r.FeedbackRequestedAtUtc == null && r.ErasedAtUtc == null && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var now = Now;
        var queued = 0;
        foreach (var person in people.Where(p => p.MarkFeedbackRequested(now)))
        {
            outbox.Enqueue(person, EmailKind.FeedbackRequest);
            queued++;
        }

        return queued;
    }

    private async Task<Workshop?> LockedWorkshopAsync(Guid workshopId, CancellationToken ct)
    {
        await workshopLock.LockAsync(db, workshopId, ct);
        return await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, ct);
    }
}
