using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Data;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// Anonymous feedback from walk-in visitors, without registering: offered for walk-in workshops only
/// (<see cref="FeedbackRules.WalkInState"/>), from the workshop's day until the organiser closes feedback. The stand page
/// and its poster link here. Posts have their own per-address rate limit (<c>RateLimiting__WalkInFeedback__…</c>) and
/// carry a honeypot. Each rendered form is one answer: its key is issued by the server (<see cref="WalkInFormKeys"/>),
/// so after the thank-you the next person gets a new form, the same form posted twice stores one answer, and a key the
/// client made up stores nothing.
/// </summary>
public sealed class FeedbackModel(
    WorkshopsDbContext db, FeedbackService feedback, WalkInFormKeys keys, TimeProvider time, ILogger<FeedbackModel> logger) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public WalkInFeedback State { get; private set; }

    /// <summary>The posted form's key was not one this site issued for this form, or too old: nothing was stored.</summary>
    public bool FormRefused { get; private set; }

    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    [TempData]
    public bool Thanked { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Input.FormKey = keys.Issue(Workshop.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (Input.LooksLikeABot)
        {
            logger.LogInformation("Walk-in feedback dropped: the honeypot field was filled");
            return BadRequest();
        }

        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (State != WalkInFeedback.Open || !ModelState.IsValid)
        {
            return Page(); // the posted key stays with the form, so its corrected post is still one answer
        }

        var outcome = await feedback.SaveWalkInAsync(Workshop.Id, Input.FormKey, Input.ToResponse(), Cultures.Current, ct);
        if (outcome == FeedbackSaveOutcome.FormRefused)
        {
            // The answers stay in the form; a fresh key lets the person send them once more.
            FormRefused = true;
            Input.FormKey = keys.Issue(Workshop.Id);
            return Page();
        }

        if (outcome != FeedbackSaveOutcome.Saved)
        {
            State = outcome == FeedbackSaveOutcome.Closed ? WalkInFeedback.Closed : WalkInFeedback.NotYet;
            return Page();
        }

        Thanked = true;
        return RedirectToPage(new { slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await db.PublicWorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return false;
        }

        Workshop = workshop;
        State = FeedbackRules.WalkInState(WorkshopLifecycle.At(workshop, time));
        return State != WalkInFeedback.NotOffered;
    }
}
