using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Web.Domain.Registrations;

/// <summary>
/// Attendance: marking a person arrived at the door (or taking the mark back), one audited <see cref="WriteTransaction"/>
/// each, decided on the registration as the database holds it. <c>actor</c> is the organiser's address.
/// </summary>
public sealed class CheckInService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>Marks a person present (now) or not present. False when there is no such active registration.</summary>
    public Task<bool> SetCheckedInAsync(int registrationId, bool present, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var registration = await db.Registrations.SingleOrDefaultAsync(r => r.Id == registrationId, ct);
            if (registration is null || registration.Status == RegistrationStatus.Cancelled)
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
