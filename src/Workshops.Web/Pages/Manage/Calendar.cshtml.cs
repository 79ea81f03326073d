using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Calendar;
using Workshops.Web.Data;
using Workshops.Web.Domain;

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

        var ics = registration.Status == RegistrationStatus.Cancelled
            ? calendar.ForRegistrant(workshop, registration.Language, registration.Email, registration.Name, cancel: true)
            : registration.Status == RegistrationStatus.Confirmed
                ? calendar.ForRegistrant(workshop, registration.Language, registration.Email, registration.Name, cancel: false)
                : calendar.Publish([workshop], registration.Language);
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"{workshop.Slug}.ics");
    }
}
