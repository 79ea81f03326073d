using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain;
using Workshops.Web.Email;

namespace Workshops.Web.Data;

/// <summary>How many people a workshop has in each state. Attended counts check-ins of active registrations.</summary>
public sealed record WorkshopCounts(int Confirmed, int Waitlisted, int Cancelled, int Attended)
{
    public static readonly WorkshopCounts None = new(0, 0, 0, 0);
}

/// <summary>Read-only queries of the organiser area.</summary>
public static class OrganiserQueries
{
    public static async Task<Dictionary<Guid, WorkshopCounts>> WorkshopCountsAsync(this WorkshopsDbContext db, CancellationToken ct = default)
    {
        var rows = await db.Registrations
            .GroupBy(r => new { r.WorkshopId, r.Status })
            .Select(g => new { g.Key.WorkshopId, g.Key.Status, Count = g.Count(), Attended = g.Count(r => r.CheckedInAtUtc != null) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.WorkshopId).ToDictionary(g => g.Key, g => new WorkshopCounts(
            g.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Count),
            g.Where(r => r.Status == RegistrationStatus.Waitlisted).Sum(r => r.Count),
            g.Where(r => r.Status == RegistrationStatus.Cancelled).Sum(r => r.Count),
            g.Where(r => r.Status != RegistrationStatus.Cancelled).Sum(r => r.Attended)));
    }

    public static Task<int> FailedEmailCountAsync(this WorkshopsDbContext db, CancellationToken ct = default) =>
        db.OutgoingEmails.CountAsync(e => e.State == EmailState.Failed, ct);

    /// <summary>
    /// The role and chosen workshops of the account <paramref name="userId"/> as stored now (disabled or not: the caller
    /// decides what a lockout means); null when no such account.
    /// </summary>
    public static async Task<Domain.Members.Membership?> MembershipAsync(this WorkshopsDbContext db, string userId, CancellationToken ct = default)
    {
        var role = await db.Users.Where(u => u.Id == userId)
            .Select(u => (Domain.Members.MemberRole?)EF.Property<Domain.Members.MemberRole>(u, MemberConfiguration.Role)).SingleOrDefaultAsync(ct);
        if (role is not { } found)
        {
            return null;
        }

        var workshops = await db.MemberWorkshops.Where(m => m.UserId == userId).Select(m => m.WorkshopId).ToListAsync(ct);
        return new Domain.Members.Membership(found, workshops.ToHashSet());
    }
}
