using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Pages.Manage;

/// <summary>
/// Cancelling takes a confirmation step: the GET asks, only the POST cancels. From the workshop's start on
/// (<see cref="RegistrationPolicy.MayCancel"/>) the GET leads back to the personal page, which says what happened and
/// gives the contact; a POST from a page loaded earlier is refused by the service and says so there.
/// </summary>
public sealed class CancelModel(WorkshopsDbContext db, RegistrationService registrations, TimeProvider time) : PageModel
{
    public Registration? Registration { get; private set; }
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Registration = await ManageLookup.FindAsync(db, token, ct);
        if (Registration is null)
        {
            return NotFound();
        }

        if (Registration.Status == RegistrationStatus.Cancelled
            || !RegistrationPolicy.MayCancel(WorkshopLifecycle.At(Registration.Workshop!, time), Registration))
        {
            return RedirectToPage("Index", new { token });
        }

        Token = token;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var registration = await ManageLookup.FindAsync(db, token, ct);
        if (registration is null)
        {
            return NotFound();
        }

        var outcome = await registrations.CancelAsync(registration.Id, ct);
        TempData["Notice"] = outcome switch
        {
            CancelOutcome.Cancelled => IndexModel.Cancelled,
            CancelOutcome.TooLate => IndexModel.TooLate,
            CancelOutcome.Attended => IndexModel.Attended,
            _ => IndexModel.AlreadyCancelled,
        };
        return RedirectToPage("Index", new { token });
    }
}
