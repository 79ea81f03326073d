using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain;

namespace Workshops.Web.Data;

/// <summary>Read-only queries shared by several pages.</summary>
public static class ReadQueries
{
    public static async Task<Dictionary<Guid, int>> ConfirmedCountsAsync(this WorkshopsDbContext db, CancellationToken ct = default) =>
        await db.Registrations
            .Where(r => r.Status == RegistrationStatus.Confirmed)
            .GroupBy(r => r.WorkshopId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public static Task<int> ConfirmedCountAsync(this WorkshopsDbContext db, Guid workshopId, CancellationToken ct = default) =>
        db.Registrations.CountAsync(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Confirmed, ct);

    /// <summary>1-based place on the waiting list: the rule is <see cref="RegistrationRules.WaitingListPosition"/>.</summary>
    public static async Task<int> WaitingListPositionAsync(this WorkshopsDbContext db, Guid workshopId, int registrationId, CancellationToken ct = default)
    {
        var waiting = await db.Registrations
            .Where(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Waitlisted)
            .Select(r => r.Id)
            .ToListAsync(ct);
        return RegistrationRules.WaitingListPosition(waiting, registrationId);
    }
}
