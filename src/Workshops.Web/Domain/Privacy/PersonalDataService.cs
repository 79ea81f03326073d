using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;

namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// Erasing one person on request (GDPR art. 17): one audited <see cref="WriteTransaction"/>; which columns are personal
/// and what replaces them is <see cref="PersonalData"/>'s, shared with the retention purge (<see cref="RetentionPurge"/>).
/// </summary>
public sealed class PersonalDataService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>
    /// Replaces a person's details with anonymous values (see <see cref="PersonalData"/>), then checkpoints SQLite's
    /// WAL so the old values are not left readable in the files. False when not found in <paramref name="workshopId"/>
    /// (the workshop in the organiser's URL).
    /// </summary>
    public async Task<bool> EraseAsync(Guid workshopId, int registrationId, string actor, CancellationToken ct = default)
    {
        var found = await InTransactionAsync(async () =>
        {
            var registration = await db.Registrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.WorkshopId == workshopId, ct);
            if (registration is null)
            {
                return false;
            }

            if (registration.ErasedAtUtc is null)
            {
                await PersonalData.EraseAsync(db, [registration], Now, ct);
                audit.Add(actor, AuditAction.Erased, registration.WorkshopId, registration.Id);
            }

            return true;
        }, ct);
        if (found)
        {
            await SqlitePragmas.CheckpointAfterErasureAsync(db, ct);
        }

        return found;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) => writes.RunAsync(_ => work(), ct);
}
