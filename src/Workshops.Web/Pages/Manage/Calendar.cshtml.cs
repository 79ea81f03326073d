using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Calendar;
using Workshops.Web.Data;

namespace Workshops.Web.Pages.Manage;

/// <summary>The person's own calendar entry: the same UID as their emails, with the join link for an online workshop.</summary>
public sealed class CalendarModel(WorkshopsDbContext db, WorkshopCalendar calendar) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var registration = await ManageLookup.FindAsync(db, token, ct);
        if (registration?.Workshop is not { } workshop)
        {
            return NotFound();
        }

        var ics = calendar.ForRegistration(workshop, registration, registration.Language).Ics;
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"{workshop.Slug}.ics");
    }
}
