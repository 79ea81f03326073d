using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Registrations;

/// <summary>
/// Attendance: marking a person arrived at the door (or taking the mark back), one audited <see cref="WriteTransaction"/>
/// each, decided on the registration as the database holds it. <c>actor</c> is the organiser's address. Allowed at any
/// stage of a published workshop that is not cancelled (<see cref="WorkshopLifecycle.MayCheckIn"/>): at the door, and
/// afterwards from the paper sign-in sheet. Only this explicit, audited mark changes an arrival: no cancel after the start,
/// no erasure and no purge removes it (<see cref="RegistrationPolicy.MayCancel"/>, <see cref="Registration.Erase"/>).
/// </summary>
public sealed class CheckInService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>
    /// Marks a person present (now) or not present. False when there is no such active registration, or its workshop is
    /// cancelled or a draft.
    /// </summary>
    public Task<bool> SetCheckedInAsync(int registrationId, bool present, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var registration = await db.Registrations.Include(r => r.Workshop).SingleOrDefaultAsync(r => r.Id == registrationId, ct);
            if (registration is null || registration.Status == RegistrationStatus.Cancelled || !WorkshopLifecycle.At(registration.Workshop!, time).MayCheckIn)
            {
                return false;
            }

            if (!registration.CheckIn(present, Now))
            {
                return true; // a double tap on a slow phone changes nothing
            }

            audit.Add(actor, present ? AuditAction.CheckedIn : AuditAction.CheckInUndone, registration.WorkshopId, registration.Id);
            return true;
        }, ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) => writes.RunAsync(_ => work(), ct);
}
