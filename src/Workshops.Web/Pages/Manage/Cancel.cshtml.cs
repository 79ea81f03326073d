using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Pages.Manage;

/// <summary>Cancelling takes a confirmation step: the GET asks, only the POST cancels.</summary>
public sealed class CancelModel(WorkshopsDbContext db, RegistrationService registrations) : PageModel
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

        if (Registration.Status == RegistrationStatus.Cancelled)
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
        TempData["Notice"] = outcome == CancelOutcome.Cancelled ? IndexModel.Cancelled : IndexModel.AlreadyCancelled;
        return RedirectToPage("Index", new { token });
    }
}
