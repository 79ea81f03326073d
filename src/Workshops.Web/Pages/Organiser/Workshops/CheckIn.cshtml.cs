using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Check-in at the door, made for a phone: a name search (a plain GET form, no script), one button per person,
/// and post/redirect/get back to the same search and the same person.
/// </summary>
public sealed class CheckInModel(
    WorkshopsDbContext db, CheckInService checkIn, WorkshopService workshops, CurrentWorkshop current, CurrentOrganiser organiser) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public List<Registration> People { get; private set; } = [];
    public int Present { get; private set; }
    public int Expected { get; private set; }

    /// <summary>The name of the person whose QR code was scanned when they have cancelled (so the page says so).</summary>
    public string? CancelledPerson { get; private set; }

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    /// <summary>Set when a personal QR code was scanned: only that person is shown.</summary>
    [FromQuery(Name = "person")]
    public int? Person { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
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
    }

    public async Task<IActionResult> OnPostAsync(int id, bool present, CancellationToken ct)
    {
        var belongs = await db.Registrations.AnyAsync(r => r.Id == id && r.WorkshopId == Workshop.Id, ct);
        if (!belongs || !await checkIn.SetCheckedInAsync(id, present, organiser.Email, ct))
        {
            return NotFound();
        }

        return RedirectToPage("CheckIn", null, new { slug = Workshop.Slug, q = string.IsNullOrWhiteSpace(Query) ? null : Query, person = Person }, $"r-{id}");
    }

    public async Task<IActionResult> OnPostHeadCountAsync(int? headCount, CancellationToken ct)
    {
        if (headCount is < 0 or > 100000)
        {
            return NotFound();
        }

        await workshops.RecordHeadCountAsync(Workshop.Id, headCount, organiser.Email, ct);
        return RedirectToPage("CheckIn", new { slug = Workshop.Slug });
    }
}
