using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Domain.Registrations;

/// <summary>What came of checking in by oneself, or of counting oneself in at a walk-in event.</summary>
public enum SelfCheckInOutcome
{
    /// <summary>Marked arrived now (or counted in).</summary>
    CheckedIn,

    /// <summary>Already marked arrived (by themselves or an organiser), or this form was already counted: nothing changed.</summary>
    AlreadyCheckedIn,

    WrongCode,
    NotYet,
    Over,

    /// <summary>The workshop is cancelled, a draft or online.</summary>
    Unavailable,

    /// <summary>On the waiting list: no seat to arrive at (the organiser can still let them in at the door).</summary>
    Waitlisted,

    /// <summary>The registration was cancelled.</summary>
    Cancelled,

    /// <summary>Counting oneself in is for walk-in events; registrants check in on their own page.</summary>
    NotWalkIn,

    NotFound,
}

/// <summary>The outcome and the workshop's self check-in time (for "opens at …"), when the workshop was found.</summary>
public sealed record SelfCheckInResult(SelfCheckInOutcome Outcome, SelfCheckInTime? Time = null);

/// <summary>
/// Attendance: an organiser marking a person arrived at the door (or taking the mark back), a person checking
/// themselves in with the venue code, and a walk-in visitor counting themselves in. One <see cref="WriteTransaction"/>
/// each, under the workshop's lock, decided on the rows as the database holds them. An organiser's mark is allowed at
/// any stage of a published workshop that is not cancelled (<see cref="WorkshopLifecycle.MayCheckIn"/>): at the door, and
/// afterwards from the paper sign-in sheet; checking in by oneself only while it is under way
/// (<see cref="WorkshopLifecycle.MayCheckInBySelf"/>, through <see cref="SelfCheckIn.When"/>), decided here, inside the
/// write, not by the page. Only an explicit mark changes an arrival: no cancel after the start, no erasure and no purge
/// removes it (<see cref="RegistrationPolicy.MayCancel"/>, <see cref="Registration.Erase"/>). A mark taken back withdraws the
/// person's certificate of attendance, and a mark made again makes it valid again (<see cref="CertificateService.FollowArrivalAsync"/>),
/// in the same write. <c>actor</c> is the
/// organiser's address; a person's own check-in is not an organiser action and is not in the audit log.
/// </summary>
public sealed class CheckInService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>
    /// Marks a person present (now) or not present. False when there is no such active registration, or its workshop is
    /// cancelled or a draft.
    /// </summary>
    public Task<bool> SetCheckedInAsync(int registrationId, bool present, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var registration = await LockedRegistrationAsync(registrationId, c);
            if (registration is null || registration.Status == RegistrationStatus.Cancelled || !WorkshopLifecycle.At(registration.Workshop!, time).MayCheckIn)
            {
                return false;
            }

            if (!registration.CheckIn(present, Now))
            {
                return true; // a double tap on a slow phone changes nothing
            }

            await CertificateService.FollowArrivalAsync(db, registration, Now, c);
            await Funder.FunderService.FollowArrivalAsync(db, registration, c);
            audit.Add(actor, present ? AuditAction.CheckedIn : AuditAction.CheckInUndone, registration.WorkshopId, registration.Id);
            return true;
        }, ct);

    /// <summary>
    /// The person marks themselves arrived from their own page with the venue code shown at the door: only with a
    /// seat (confirmed), only while the workshop is under way, and only with the current (or the previous) code. A second
    /// post (a double tap, two tabs) finds the arrival already marked and changes nothing.
    /// </summary>
    public Task<SelfCheckInResult> CheckInSelfAsync(int registrationId, string? code, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var registration = await LockedRegistrationAsync(registrationId, c);
            if (registration is null || registration.ErasedAtUtc is not null)
            {
                return new SelfCheckInResult(SelfCheckInOutcome.NotFound);
            }

            var workshop = registration.Workshop!;
            var when = SelfCheckIn.When(workshop, time);
            var refusal = registration.Status switch
            {
                RegistrationStatus.Cancelled => SelfCheckInOutcome.Cancelled,
                _ when Refusal(workshop, when, code) is { } closed => closed,
                RegistrationStatus.Waitlisted => SelfCheckInOutcome.Waitlisted,
                _ => (SelfCheckInOutcome?)null,
            };
            if (refusal is { } refused)
            {
                return new SelfCheckInResult(refused, when);
            }

            if (!registration.CheckIn(true, Now, self: true))
            {
                return new SelfCheckInResult(SelfCheckInOutcome.AlreadyCheckedIn, when);
            }

            await CertificateService.FollowArrivalAsync(db, registration, Now, c);
            return new SelfCheckInResult(SelfCheckInOutcome.CheckedIn, when);
        }, ct);

    /// <summary>
    /// A visitor at a walk-in event counts themselves in with the venue code: the head count rises by one and nothing
    /// about them is stored. <paramref name="formKey"/> is the rendered form's key: the same form posted again (a double
    /// tap, a resend) finds its row and counts nobody.
    /// </summary>
    public Task<SelfCheckInResult> CountVisitorAsync(Guid workshopId, string? code, Guid formKey, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            await workshopLock.LockAsync(db, workshopId, c);
            if (await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, c) is not { } workshop)
            {
                return new SelfCheckInResult(SelfCheckInOutcome.NotFound);
            }

            var when = SelfCheckIn.When(workshop, time);
            if (await db.WalkInVisits.AnyAsync(v => v.FormKey == formKey, c))
            {
                return new SelfCheckInResult(SelfCheckInOutcome.AlreadyCheckedIn, when);
            }

            if ((workshop.IsWalkIn ? Refusal(workshop, when, code) : SelfCheckInOutcome.NotWalkIn) is { } refused)
            {
                return new SelfCheckInResult(refused, when);
            }

            workshop.CountVisitor();
            db.WalkInVisits.Add(new WalkInVisit { FormKey = formKey, WorkshopId = workshop.Id, CountedAtUtc = Now });
            return new SelfCheckInResult(SelfCheckInOutcome.CheckedIn, when);
        }, ct);

    /// <summary>
    /// Gives every workshop made before venue codes existed its key (<see cref="Workshop.CheckInKey"/>; a new workshop gets
    /// one when it is made). Run at start-up; writes only when a workshop lacks one, so a site with every key in place
    /// writes nothing.
    /// </summary>
    /// <returns>How many workshops got a key.</returns>
    public async Task<int> FillMissingKeysAsync(CancellationToken ct = default)
    {
        if (!await db.Workshops.AnyAsync(w => w.CheckInKey == null, ct))
        {
            return 0;
        }

        return await writes.RunAsync(async c =>
        {
            var missing = await db.Workshops.Where(w => w.CheckInKey == null).ToListAsync(c);
            missing.ForEach(w => w.CheckInKey = CheckInCode.NewKey());
            return missing.Count;
        }, ct);
    }

    /// <summary>Why the time or the code refuses a self check-in, or null when both allow it.</summary>
    private SelfCheckInOutcome? Refusal(Workshop workshop, SelfCheckInTime when, string? code) => when.Window switch
    {
        SelfCheckInWindow.Unavailable => SelfCheckInOutcome.Unavailable,
        SelfCheckInWindow.NotYet => SelfCheckInOutcome.NotYet,
        SelfCheckInWindow.Over => SelfCheckInOutcome.Over,
        _ when workshop.CheckInKey is not { } key || !CheckInCode.Accepts(key, code, time.GetUtcNow()) => SelfCheckInOutcome.WrongCode,
        _ => null,
    };

    /// <summary>Takes the lock of the registration's workshop, then reads the registration with its workshop.</summary>
    private async Task<Registration?> LockedRegistrationAsync(int registrationId, CancellationToken ct)
    {
        // The workshop a registration belongs to never changes: safe to read before the lock, and needed to take it.
        var workshopId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => (Guid?)r.WorkshopId).SingleOrDefaultAsync(ct);
        if (workshopId is not { } id)
        {
            return null;
        }

        await workshopLock.LockAsync(db, id, ct);
        return await db.Registrations.Include(r => r.Workshop).SingleAsync(r => r.Id == registrationId, ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
