using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Check-in at the door, made for a phone: the count of arrived and expected always in view, a name search (a plain GET
/// form; our script filters as you type), one big button per person, undo behind a second tap, and post/redirect/get
/// back to the same search and person. While the workshop is under way it shows the venue code people check themselves
/// in with.
/// </summary>
[Needs(Capability.CheckIn)]
public sealed class CheckInModel(
    WorkshopsDbContext db,
    CheckInService checkIn,
    WorkshopService workshops,
    CurrentWorkshop current,
    CurrentOrganiser organiser,
    TimeProvider time,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public List<Registration> People { get; private set; } = [];
    public int Present { get; private set; }
    public int Expected { get; private set; }

    /// <summary>When people may check themselves in; the venue code is shown only while <see cref="SelfCheckInWindow.Open"/>.</summary>
    public SelfCheckInTime SelfCheckIn { get; private set; } = null!;

    /// <summary>The venue code now, and when it changes; null unless self check-in is open.</summary>
    public (string Code, DateTimeOffset ChangesAt)? VenueCode { get; private set; }

    /// <summary>Walk-in events: how many of the head count counted themselves in with the code.</summary>
    public int SelfCounted { get; private set; }

    /// <summary>The name of the person whose QR code was scanned when they have cancelled (so the page says so).</summary>
    public string? CancelledPerson { get; private set; }

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    /// <summary>Set when a personal QR code was scanned: only that person is shown.</summary>
    [FromQuery(Name = "person")]
    public int? Person { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SelfCheckIn = Domain.Registrations.SelfCheckIn.When(Workshop, time);
        if (SelfCheckIn.Window == SelfCheckInWindow.Open && Workshop.CheckInKey is { } key)
        {
            var now = time.GetUtcNow();
            VenueCode = (CheckInCode.VenueCode(key, now), CheckInCode.ChangesAt(now));
        }

        var active = await AttendeeList.LoadAsync(db, Workshop.Id, AttendeeFilter.From(AttendeeFilter.Active, null, "name"), ct);
        Present = active.Count(r => r.CheckedInAtUtc is not null);
        Expected = active.Count(r => r.Status == RegistrationStatus.Confirmed);
        var shown = Person is { } id
            ? active.Where(r => r.Id == id)
            : active.Where(r => string.IsNullOrWhiteSpace(Query) || AttendeeList.Matches(r.Name, Query.Trim()) || AttendeeList.Matches(r.Organisation, Query.Trim()));
        // Those with a seat first; someone from the waiting list who turns up can still be marked.
        People = shown.OrderBy(r => r.Status).ToList();
        if (Person is { } scanned && People.Count == 0)
        {
            CancelledPerson = await db.Registrations
                .Where(r => r.Id == scanned && r.WorkshopId == Workshop.Id && r.Status == RegistrationStatus.Cancelled)
                .Select(r => r.Name).SingleOrDefaultAsync(ct);
        }

        if (Workshop.IsWalkIn)
        {
            SelfCounted = await db.WalkInVisits.CountAsync(v => v.WorkshopId == Workshop.Id, ct);
        }
    }

    /// <summary>
    /// One tap: <paramref name="present"/> is what the button said, so a double tap or a stale page marks the same state
    /// twice instead of toggling back. <paramref name="clear"/> comes from our script, which filters as you type: the
    /// next arrival then starts from the whole list, not from the last search.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(int id, bool present, bool clear, CancellationToken ct)
    {
        var belongs = await db.Registrations.AnyAsync(r => r.Id == id && r.WorkshopId == Workshop.Id, ct);
        if (!belongs || !await checkIn.SetCheckedInAsync(id, present, organiser.Email, ct))
        {
            return NotFound();
        }

        var q = clear || string.IsNullOrWhiteSpace(Query) ? null : Query;
        return RedirectToPage("CheckIn", null, new { slug = Workshop.Slug, q, person = Person }, $"r-{id}");
    }

    public async Task<IActionResult> OnPostHeadCountAsync(int? headCount, CancellationToken ct)
    {
        if (headCount is < 0 or > 100000)
        {
            return NotFound();
        }

        await workshops.RecordHeadCountAsync(Workshop.Id, headCount, organiser.Email, ct);
        TempData.SetNotice((headCount is { } count
            ? l["Kävijämäärä {0} tallennettiin.", count]
            : l["Kävijämäärä tyhjennettiin."]).Value);
        return RedirectToPage("CheckIn", new { slug = Workshop.Slug });
    }
}
