using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Feedback;

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
    /// The automatic round: queues a request for everyone who attended (<see cref="FeedbackRules.Attended"/>) and was not
    /// yet asked, in each held workshop whose request is due (<see cref="WorkshopLifecycle.FeedbackDueLocal"/>: the delay
    /// after its end) and whose feedback is open. Several instances: one of them does each round (<see cref="ScheduledJobLock"/>).
    /// Drafts and cancelled workshops are skipped. Returns how many requests were queued.
    /// </summary>
    public Task<int> RequestDueAsync(CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (!await ScheduledJobLock.TryTakeAsync(db, PostgresLocks.FeedbackRequests, c))
            {
                return 0;
            }

            // The date narrows the query (no workshop ends before its day); the lifecycle decides.
            var today = DateOnly.FromDateTime(HelsinkiTime.Now(time));
            var candidates = await db.Workshops.AsNoTracking()
                .Where(w => w.Status != WorkshopStatus.Cancelled && w.Feedback.ClosedAtUtc == null && w.Date <= today && w.PublishedAtUtc != null)
                .ToListAsync(c);
            var queued = 0;
            foreach (var w in candidates.Select(w => WorkshopLifecycle.At(w, time))
                .Where(life => life.MayAskFeedback && life.FeedbackDueLocal(options.Value.Delay) <= life.NowLocal)
                .Select(life => life.Workshop))
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

    /// <summary>
    /// "Send feedback requests now": queues a request for each person who attended and was not yet asked. Idempotent:
    /// nobody gets two. Refused (<see cref="FeedbackRequestOutcome.TooEarly"/>) until the workshop has ended
    /// (<see cref="WorkshopLifecycle.MayAskFeedback"/>), decided here under the lock.
    /// </summary>
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

            if (!WorkshopLifecycle.At(workshop, time).MayAskFeedback)
            {
                return new FeedbackRequestOutcome(true, false, 0, TooEarly: true);
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
    /// Whether they may (<see cref="FeedbackRules.ParticipantRefusal"/>: the workshop has ended, they attended, they were asked, feedback
    /// is open) is decided here, under the workshop's lock, from the database; the page's own check only chooses what to show.
    /// </summary>
    public Task<FeedbackSaveOutcome> SaveParticipantAsync(int registrationId, FeedbackResponse response, string language, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var workshopId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => (Guid?)r.WorkshopId).SingleOrDefaultAsync(c);
            var workshop = workshopId is { } id ? await LockedWorkshopAsync(id, c) : null;
            var registration = await db.Registrations.SingleOrDefaultAsync(r => r.Id == registrationId, c);
            if (workshop is null || registration is null)
            {
                return FeedbackSaveOutcome.NotAllowed;
            }

            var checkInUsed = await db.CheckInUsedAsync(workshop.Id, c);
            if (FeedbackRules.ParticipantRefusal(WorkshopLifecycle.At(workshop, time), registration, checkInUsed) is { } refused)
            {
                return refused;
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

                var state = workshop is null ? WalkInFeedback.NotOffered : FeedbackRules.WalkInState(WorkshopLifecycle.At(workshop, time));
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
    /// The retention purge's part for walk-in answers of the workshops <paramref name="workshopIds"/> whose retention ran out: their written
    /// texts go after the same retention time as registrants' data (a visitor may have written a name). Returns how many.
    /// </summary>
    internal static async Task<int> AnonymiseWalkInAsync(WorkshopsDbContext db, IReadOnlyCollection<Guid> workshopIds, DateTime nowUtc, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        var answers = await db.FeedbackAnswers
            .Where(a => a.Source == FeedbackSource.WalkIn && a.AnonymisedAtUtc == null && workshopIds.Contains(a.WorkshopId))
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

    /// <summary>
    /// Marks and queues everyone of the workshop who attended (<see cref="FeedbackRules.Attended"/>, check-in read now, under
    /// the lock) and was not yet asked; takes the workshop's lock unless held.
    /// </summary>
    private async Task<int> QueueInTransactionAsync(Guid workshopId, CancellationToken ct, bool locked = false)
    {
        if (!locked)
        {
            await workshopLock.LockAsync(db, workshopId, ct);
        }

        var checkInUsed = await db.CheckInUsedAsync(workshopId, ct);
        var people = await db.Registrations
            .Where(r => r.WorkshopId == workshopId && r.FeedbackRequestedAtUtc == null && r.ErasedAtUtc == null && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var now = Now;
        var queued = 0;
        foreach (var person in people.Where(p => p.MarkFeedbackRequested(now, checkInUsed)))
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
