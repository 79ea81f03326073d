using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Registrations;

/// <summary>
/// Registers and cancels: the one core that the public form, the personal page and the organiser's pages all call.
/// Every method runs inside <see cref="WriteTransaction"/> and takes the workshop's lock (<see cref="IWorkshopLock"/>)
/// before it reads seats or the waiting list, so two requests can never both take the last seat, and a cancellation
/// is decided on the row as it is in the database, not as a page loaded it.
/// </summary>
public sealed class RegistrationService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    EmailOutbox outbox,
    AuditLog audit,
    WaitingList waitingList,
    TimeProvider time)
{
    /// <summary>The public form's registration (<see cref="RegistrationPolicy.Public"/>), as one write.</summary>
    public Task<RegistrationOutcome> RegisterAsync(Guid workshopId, RegistrationRequest request, CancellationToken ct = default) =>
        writes.RunWithScopeAsync(c => RegisterInTransactionAsync(workshopId, request, RegistrationPolicy.Public, c), outcome => RegistrationRules.PublicChangeOf(workshopId, outcome), ct);

    /// <summary>
    /// Cancels a registration and, if a seat was freed, gives it to the first person waiting, as one write with both
    /// messages. A second cancel of the same registration (a double tap, two tabs) is <see cref="CancelOutcome.AlreadyCancelled"/>
    /// and sends nothing; from the workshop's start on, <see cref="CancelOutcome.TooLate"/> (<see cref="RegistrationPolicy.MayCancel"/>).
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(int registrationId, CancellationToken ct = default) =>
        (await writes.RunAsync(c => CancelInTransactionAsync(registrationId, inWorkshop: null, c), ct)).Outcome;

    /// <summary>
    /// Registers someone for them (a phone call, the door) by the public form's path under <see cref="RegistrationPolicy.Organiser"/>:
    /// seats and the waiting list apply, not the deadline, the organiser's closing or the start; a cancelled workshop takes no
    /// one. <paramref name="overCapacity"/>: "add anyway" (<see cref="RegistrationPolicy.OrganiserOverCapacity"/>), audited.
    /// Without an email address: no email, no manage link, never waiting (<see cref="RegistrationOutcomeKind.NoEmailForWaitingList"/>).
    /// </summary>
    public Task<RegistrationOutcome> RegisterAsync(Guid workshopId, RegistrationRequest request, string actor, bool overCapacity = false, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var policy = overCapacity ? RegistrationPolicy.OrganiserOverCapacity : RegistrationPolicy.Organiser;
            var outcome = await RegisterInTransactionAsync(workshopId, request, policy, c);
            if (outcome.Kind is RegistrationOutcomeKind.Confirmed or RegistrationOutcomeKind.Waitlisted)
            {
                audit.Add(actor, outcome.OverCapacity ? AuditAction.RegisteredOverCapacity : AuditAction.RegisteredByOrganiser,
                    workshopId, outcome.RegistrationId, AuditDetail.Of(AuditDetailKind.RegistrationStatus, outcome.Status));
            }

            return outcome;
        }, ct);

    /// <summary>
    /// Cancels someone's registration for them; a freed seat goes to the first person waiting. NotFound when the
    /// registration does not belong to <paramref name="workshopId"/> (the workshop in the organiser's URL). The same rule
    /// as the person's own cancel: refused from the start on, and for anyone checked in (<see cref="RegistrationPolicy.MayCancel"/>).
    /// The result says whether a seat was freed and how many moved up, so the page tells the organiser what happened.
    /// </summary>
    public Task<CancelResult> CancelAsync(Guid workshopId, int registrationId, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var outcome = await CancelInTransactionAsync(registrationId, workshopId, c);
            if (outcome.Outcome == CancelOutcome.Cancelled)
            {
                audit.Add(actor, AuditAction.RegistrationCancelled, workshopId, registrationId);
            }

            return outcome;
        }, ct);

    /// <summary>
    /// The person corrects their details from their own page (<see cref="Registration.CorrectDetails"/>), as one write
    /// under the workshop's lock, with a confirmation showing the corrected details. The status is read inside the
    /// transaction, so a registration cancelled in another tab is <see cref="CorrectionOutcome.NotCorrectable"/>.
    /// Seat, status, place in the queue and calendar SEQUENCE stay as they were. <c>answers</c> are the corrected answers
    /// to the workshop's current questions (<see cref="Registration.CorrectAnswers"/>, the questions read inside the
    /// transaction); null leaves the answers as they are. A change of answers alone is a change. An answer posted back as
    /// the form showed it is untouched and stays as stored (<see cref="AnswerCorrection"/>). Changed answers that do not
    /// satisfy the questions as read there (one added, made required or changed after the page read them) save nothing:
    /// <see cref="CorrectionOutcome.AnswersNeeded"/> with those questions. From the workshop's start on nothing is
    /// corrected (<see cref="CorrectionOutcome.TooLate"/>, <see cref="RegistrationPolicy.MayCorrect"/>).
    /// </summary>
    public Task<CorrectionResult> CorrectDetailsAsync(
        int registrationId, RegistrantDetails details, IReadOnlyList<AnswerRequest>? answers = null, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var registration = await LockedRegistrationAsync(registrationId, inWorkshop: null, c);
            if (registration is null)
            {
                return new CorrectionResult(CorrectionOutcome.NotFound);
            }

            if (registration.Status == RegistrationStatus.Cancelled || registration.ErasedAtUtc is not null)
            {
                return new CorrectionResult(CorrectionOutcome.NotCorrectable);
            }

            if (!RegistrationPolicy.MayCorrect(WorkshopLifecycle.At(registration.Workshop!, time)))
            {
                return new CorrectionResult(CorrectionOutcome.TooLate);
            }

            // Checked before anything changes: the seam saves whatever is changed when the work returns. Only the answers
            // the person changed are judged (AnswerCorrection): one left as the form showed it stays as stored.
            var questions = answers is null ? [] : await db.ActiveQuestionsAsync(registration.WorkshopId, c);
            if (answers is not null)
            {
                await db.Entry(registration).Collection(r => r.Answers).LoadAsync(c);
                if (AnswerCorrection.Faults(questions, registration.Answers, answers) is { } faults)
                {
                    return new CorrectionResult(CorrectionOutcome.AnswersNeeded, faults);
                }
            }

            var changed = registration.CorrectDetails(details);
            if (answers is not null)
            {
                changed |= registration.CorrectAnswers(questions, answers);
            }

            if (!changed)
            {
                return new CorrectionResult(CorrectionOutcome.Unchanged);
            }

            outbox.Enqueue(registration, EmailKind.DetailsCorrected);
            return new CorrectionResult(CorrectionOutcome.Corrected);
        }, ct);

    /// <summary>
    /// The one registration path: lock the workshop, check duplicates, closing (under <paramref name="policy"/>), the
    /// answers (against the questions as they are now: <see cref="RegistrationOutcomeKind.AnswersNeeded"/> stores nothing)
    /// and seats, create the registration and queue its email. Call inside <see cref="WriteTransaction.RunAsync{T}"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside a write transaction.</exception>
    internal async Task<RegistrationOutcome> RegisterInTransactionAsync(Guid workshopId, RegistrationRequest request, RegistrationPolicy policy, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        await workshopLock.LockAsync(db, workshopId, ct);
        var now = Now;
        var emailNormalized = string.IsNullOrWhiteSpace(request.Email) ? null : TextRules.NormalizeEmail(request.Email);
        // The workshop, the seats taken of the chosen mode and the address's registrations: one read, under the lock.
        if (await db.RegistrationGroundsAsync(workshopId, emailNormalized, request.Mode, ct) is not { } grounds)
        {
            return new RegistrationOutcome(RegistrationOutcomeKind.NotFound);
        }

        var (workshop, seatsTaken, sameAddress) = grounds;
        var active = sameAddress.FirstOrDefault(r => r.Status != RegistrationStatus.Cancelled);
        var existing = active is null ? null : await db.Registrations.SingleAsync(r => r.Id == active.Id, ct);
        if (existing is not null)
        {
            // The address's owner gets their details and a working link again, by email only; a double submit gets nothing more.
            if (policy.RemindsExisting && RegistrationRules.DeservesReminder(existing.CreatedAtUtc, await db.LastDetailsReminderAsync(existing.Id, ct), now))
            {
                outbox.Enqueue(existing, EmailKind.Reminder);
            }

            return new RegistrationOutcome(RegistrationOutcomeKind.AlreadyRegistered, existing.Status,
                await db.WaitingListPositionAsync(workshop, existing, ct), RegistrationId: existing.Id);
        }

        var closed = RegistrationRules.WhyClosed(WorkshopLifecycle.At(workshop, time), policy);
        if (closed != ClosedReason.None)
        {
            return new RegistrationOutcome(RegistrationOutcomeKind.Closed, ClosedReason: closed);
        }

        // The questions as they are now, not as the form showed them: one added, made required or changed meanwhile is
        // asked again; a question removed meanwhile takes no answer.
        var questions = await db.ActiveQuestionsAsync(workshopId, ct);
        if (QuestionFaults.Find(questions, request.Answers ?? []) is { } faults)
        {
            return new RegistrationOutcome(RegistrationOutcomeKind.AnswersNeeded, Faults: faults);
        }

        // Seats taken = confirmed + open offers of the chosen mode: a seat offered to someone waiting is not free for a newcomer.
        var mode = workshop.ModeFor(request.Mode);
        var (status, overCapacity) = RegistrationRules.SeatFor(workshop, seatsTaken, policy, mode);
        if (emailNormalized is null && status == RegistrationStatus.Waitlisted)
        {
            return new RegistrationOutcome(RegistrationOutcomeKind.NoEmailForWaitingList); // nobody could tell them of a seat
        }

        // One above the address's last round (a switch of mode raised it too), so the new entry outranks every earlier one.
        var round = sameAddress.Count == 0 ? 0 : 1 + sameAddress.Max(r => r.CalendarRound);
        var registration = Registration.Create(workshop, request, status, now, round, overCapacity);
        registration.RecordAnswers(questions, request.Answers ?? []);
        db.Registrations.Add(registration);
        outbox.Enqueue(registration, status == RegistrationStatus.Confirmed ? EmailKind.Confirmed : EmailKind.Waitlisted);
        await db.SaveChangesAsync(ct); // the Id: arrival order, and the waiting-list position below
        var kind = status == RegistrationStatus.Confirmed ? RegistrationOutcomeKind.Confirmed : RegistrationOutcomeKind.Waitlisted;
        return new RegistrationOutcome(kind, status, await db.WaitingListPositionAsync(workshop, registration, ct), RegistrationId: registration.Id, OverCapacity: overCapacity);
    }

    /// <summary>
    /// Cancel, then promote into a freed seat (an open <see cref="SeatOffer"/> ends with the registration and its seat
    /// passes on). Reads the registration under the workshop lock. Call inside <see cref="WriteTransaction.RunAsync{T}"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside a write transaction.</exception>
    internal async Task<CancelResult> CancelInTransactionAsync(int registrationId, Guid? inWorkshop, CancellationToken ct)
    {
        var registration = await LockedRegistrationAsync(registrationId, inWorkshop, ct);
        if (registration is null)
        {
            return new CancelResult(CancelOutcome.NotFound);
        }

        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return new CancelResult(CancelOutcome.AlreadyCancelled);
        }

        // Decided here, under the lock, whoever asks: a page's own check is only for showing the button.
        if (!RegistrationPolicy.MayCancel(WorkshopLifecycle.At(registration.Workshop!, time), registration))
        {
            return new CancelResult(registration.CheckedInAtUtc is null ? CancelOutcome.TooLate : CancelOutcome.Attended);
        }

        var offer = await db.SeatOffers.SingleOrDefaultAsync(o => o.RegistrationId == registrationId && o.State == OfferState.Open, ct);
        offer?.EndWithRegistration(Now);
        var freedSeat = registration.Cancel(Now) || offer is not null;

        if (registration.ErasedAtUtc is null)
        {
            outbox.Enqueue(registration, EmailKind.Cancelled);
        }

        await db.SaveChangesAsync(ct);
        var promoted = freedSeat ? await PromoteWaitingInTransactionAsync(registration.Workshop!, ct) : 0;
        return new CancelResult(CancelOutcome.Cancelled, freedSeat, promoted);
    }

    /// <summary>
    /// Promote or offer into free seats, per mode (<see cref="WaitingList.FillFreeSeatsInTransactionAsync"/>). The caller
    /// holds the workshop's lock and loaded <paramref name="workshop"/> after it, inside <see cref="WriteTransaction.RunAsync{T}"/>.
    /// </summary>
    /// <returns>How many people were confirmed or offered a seat.</returns>
    /// <exception cref="InvalidOperationException">Outside a write transaction.</exception>
    internal Task<int> PromoteWaitingInTransactionAsync(Workshop workshop, CancellationToken ct) =>
        waitingList.FillFreeSeatsInTransactionAsync(workshop, ct);

    /// <summary>
    /// Takes the lock of the registration's workshop, then reads the registration (with its workshop) as the database
    /// holds it. Null when there is no such registration, or it is not in <paramref name="inWorkshop"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside a write transaction.</exception>
    private async Task<Registration?> LockedRegistrationAsync(int registrationId, Guid? inWorkshop, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        // The workshop a registration belongs to never changes: safe to read before the lock, and needed to take it.
        var workshopId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => (Guid?)r.WorkshopId).SingleOrDefaultAsync(ct);
        if (workshopId is not { } id || (inWorkshop is { } expected && expected != id))
        {
            return null;
        }

        await workshopLock.LockAsync(db, id, ct);
        return await db.Registrations.Include(r => r.Workshop).SingleAsync(r => r.Id == registrationId, ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
