using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Funder;

/// <summary>One participant activity of the period: who attended, per helix group (every group listed, 0 included).</summary>
public sealed record ActivityFigures(Workshop Workshop, IReadOnlyDictionary<HelixGroup, int> ParticipantsByGroup)
{
    public int Participants => ParticipantsByGroup.Values.Sum();
}

/// <summary>
/// One open event of the period, counted by head: registrants marked arrived, visitors who counted themselves in with the
/// venue code (<see cref="WalkInVisit"/>), and the total the organiser saved at the door (<see cref="Workshop.HeadCount"/>,
/// null when none was saved over the visitors' own count).
/// </summary>
public sealed record OpenEventFigures(Workshop Workshop, int AttendedRegistrants, int VisitorsCountedIn, int? RecordedTotal)
{
    /// <summary>
    /// The head count: the organiser's saved total, which by its definition on the check-in page includes everyone,
    /// registrants and not; without one, the registrants marked arrived plus the visitors who counted themselves in.
    /// </summary>
    public int HeadCount => RecordedTotal ?? (AttendedRegistrants + VisitorsCountedIn);
}

/// <summary>One registration as the funder's figures need it: no name, no address.</summary>
public sealed record FunderFact(Guid WorkshopId, HelixGroup Group, string? Organisation, OrganisationType? OrganisationType, bool Attended);

/// <summary>
/// The funder's figures for a period of workshop days (Europe/Helsinki dates, both included), figures only and no names
/// (issue 26): participants per participant activity and helix group; the distinct organisations of those participants
/// per type (an organisation is its name, compared trimmed and ignoring case; a type given without a name cannot be told
/// apart and is not counted; <c>null</c> type = named but type not given); and the open events' head counts apart, since
/// people at open events are not participants. Drafts and cancelled workshops are left out. After the retention purge
/// the participants and groups stay (anonymous rows) but the organisations are gone: export before the purge.
/// </summary>
public sealed record FunderFigures(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ActivityFigures> Activities,
    IReadOnlyList<(OrganisationType? Type, int Organisations)> OrganisationsByType,
    IReadOnlyList<OpenEventFigures> OpenEvents)
{
    /// <summary>Builds the figures from the period's workshops and their registrations' facts; pure.</summary>
    public static FunderFigures Build(DateOnly from, DateOnly to, IEnumerable<Workshop> workshops, IReadOnlyCollection<FunderFact> facts, IReadOnlyDictionary<Guid, int> visitsCountedIn)
    {
        var held = workshops
            .Where(w => !w.IsDraft && w.Status != WorkshopStatus.Cancelled && w.Date >= from && w.Date <= to)
            .OrderBy(w => w.Date).ThenBy(w => w.Slug, StringComparer.Ordinal)
            .ToList();
        var attended = facts.Where(f => f.Attended).ToLookup(f => f.WorkshopId);
        var activities = held.Where(w => w.Funder.KindFor(w.Format) == ActivityKind.ParticipantActivity)
            .Select(w => new ActivityFigures(w, Enum.GetValues<HelixGroup>().ToDictionary(g => g, g => attended[w.Id].Count(f => f.Group == g))))
            .ToList();
        var organisations = activities.SelectMany(a => attended[a.Workshop.Id])
            .Where(f => !string.IsNullOrWhiteSpace(f.Organisation))
            .GroupBy(f => TextRules.Nfc(f.Organisation!.Trim()).ToUpperInvariant())
            // One organisation, one type: the type most of its people gave (ties: the first in the list's order).
            .Select(o => o.Where(f => f.OrganisationType is not null).GroupBy(f => f.OrganisationType).OrderByDescending(t => t.Count()).ThenBy(t => t.Key).FirstOrDefault()?.Key)
            .ToList();
        var byType = Enum.GetValues<OrganisationType>().Select(t => ((OrganisationType?)t, organisations.Count(o => o == t)))
            .Append((null, organisations.Count(o => o is null)))
            .ToList();
        var openEvents = held.Where(w => w.Funder.KindFor(w.Format) == ActivityKind.OpenEvent)
            .Select(w =>
            {
                var visits = visitsCountedIn.GetValueOrDefault(w.Id);
                return new OpenEventFigures(w, attended[w.Id].Count(), visits, w.HeadCount is { } head && head != visits ? head : null);
            })
            .ToList();
        return new FunderFigures(from, to, activities, byType, openEvents);
    }

    /// <summary>Reads the period's workshops, their registrations' facts and walk-in visits, and builds the figures.</summary>
    public static async Task<FunderFigures> ReadAsync(WorkshopsDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var workshops = await db.Workshops.AsNoTracking().Where(w => w.Date >= from && w.Date <= to).ToListAsync(ct);
        var ids = workshops.Select(w => w.Id).ToList();
        var facts = await db.Registrations.AsNoTracking()
            .Where(r => ids.Contains(r.WorkshopId))
            .Select(r => new FunderFact(r.WorkshopId, r.Group, r.Organisation, r.OrganisationType, r.CheckedInAtUtc != null))
            .ToListAsync(ct);
        var visits = await db.WalkInVisits.AsNoTracking()
            .Where(v => ids.Contains(v.WorkshopId))
            .GroupBy(v => v.WorkshopId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Build(from, to, workshops, facts, visits);
    }
}
