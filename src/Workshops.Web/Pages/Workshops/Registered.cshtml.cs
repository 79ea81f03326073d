using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// The page after post/redirect/get. Only the registration's id travels, in TempData (a data-protected cookie of
/// this browser), and is kept for refreshes (`TempData.Peek`) for <see cref="Lifetime"/>;
/// the outcome is read again from the database each time. The URL carries no identifier, so it cannot be guessed,
/// shared or leaked through history, logs or a Referer to show anyone's registration.
/// </summary>
public sealed class RegisteredModel(WorkshopsDbContext db, TimeProvider time) : PageModel
{
    /// <summary>How long a refresh still shows the outcome (and the address) in the browser that registered.</summary>
    internal static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public Workshop Workshop { get; private set; } = null!;
    public RegistrationStatus Status { get; private set; }
    public int? WaitingListPosition { get; private set; }
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var workshop = await db.PublicWorkshopBySlugAsync(slug, ct);
        if (workshop is null)
        {
            return NotFound();
        }

        var ticket = TempData.Peek(DetailsModel.OutcomeKey) is string json ? JsonSerializer.Deserialize<RegisteredTicket>(json) : null;
        var now = time.GetUtcNow().UtcDateTime;
        var registration = ticket is null || now - ticket.IssuedAtUtc > Lifetime
            ? null
            : await db.Registrations.AsNoTracking().Include(r => r.Workshop)
                .SingleOrDefaultAsync(r => r.Id == ticket.RegistrationId && r.Status != RegistrationStatus.Cancelled && r.ErasedAtUtc == null, ct);
        if (registration is null)
        {
            TempData.Remove(DetailsModel.OutcomeKey);
            return RedirectToPage("Details", new { slug });
        }

        // The outcome belongs to one workshop: shown under another's title (a redirect not followed, then another
        // workshop's address) it told a waiting-list place for a workshop with free seats. Sent to its own page instead.
        if (registration.WorkshopId != workshop.Id)
        {
            return RedirectToPage("Registered", new { slug = registration.Workshop!.Slug });
        }

        Workshop = workshop;
        Status = registration.Status;
        Email = registration.Email;
        WaitingListPosition = Status == RegistrationStatus.Waitlisted
            ? await db.WaitingListPositionAsync(workshop.Id, registration.Id, ct)
            : null;
        return Page();
    }
}

/// <summary>What the result page needs to find the outcome again: the registration and when it was made here.</summary>
public sealed record RegisteredTicket(int RegistrationId, DateTime IssuedAtUtc);
