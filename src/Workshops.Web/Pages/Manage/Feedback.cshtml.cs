using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Manage;

/// <summary>
/// A participant's feedback on the method, from the personal link in the feedback request (the manage token: see
/// docs/outcomes.md). One answer per person; a second submit replaces the first, until the organiser closes feedback.
/// </summary>
public sealed class FeedbackModel(WorkshopsDbContext db, FeedbackService feedback, TimeProvider time) : PageModel
{
    public Registration? Registration { get; private set; }
    public Workshop Workshop => Registration!.Workshop!;

    /// <summary>Why the form is not shown (null: it is).</summary>
    public FeedbackSaveOutcome? Refused { get; private set; }

    /// <summary>Whether the person has answered before (the button then says "save changes").</summary>
    public bool HasAnswer { get; private set; }

    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (await db.FeedbackAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.RegistrationId == Registration!.Id, ct) is { } answer)
        {
            Input = FeedbackInput.From(answer);
            HasAnswer = true;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct))
        {
            return NotFound();
        }

        HasAnswer = await db.FeedbackAnswers.AnyAsync(a => a.RegistrationId == Registration!.Id, ct);
        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (Refused is not null || !ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await feedback.SaveParticipantAsync(Registration!.Id, Input.ToResponse(), Cultures.Current, ct);
        if (outcome is not (FeedbackSaveOutcome.Saved or FeedbackSaveOutcome.Updated))
        {
            Refused = outcome; // closed (or no longer allowed) meanwhile: the page says so instead of the form
            return Page();
        }

        Notice = outcome == FeedbackSaveOutcome.Saved ? "saved" : "updated";
        return RedirectToPage(new { token });
    }

    /// <summary>Finds the person and decides, from the database, whether the form is offered.</summary>
    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        Registration = await ManageLookup.FindAsync(db, token, ct);
        if (Registration is null)
        {
            return false;
        }

        Refused = FeedbackRules.ParticipantRefusal(
            WorkshopLifecycle.At(Registration.Workshop!, time), Registration, await db.CheckInUsedAsync(Registration.WorkshopId, ct));
        return true;
    }
}
