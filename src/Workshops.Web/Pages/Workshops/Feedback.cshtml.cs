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
/// and its poster link here. Posts are rate-limited with the registration form (the /Workshops folder's policy) and
/// carry a honeypot. Each rendered form is one answer (its key, <see cref="IKeyedForm"/>): after the thank-you the next
/// person gets a new form, and the same form posted twice stores one answer.
/// </summary>
public sealed class FeedbackModel(WorkshopsDbContext db, FeedbackService feedback, TimeProvider time, ILogger<FeedbackModel> logger) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public WalkInFeedback State { get; private set; }

    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    [TempData]
    public bool Thanked { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

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

        var formKey = Input.SubmissionKey();
        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (State != WalkInFeedback.Open || !ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await feedback.SaveWalkInAsync(Workshop.Id, formKey, Input.ToResponse(), Cultures.Current, ct);
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
