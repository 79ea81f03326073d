using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// The ideas wall on a phone or tablet at the stand (the poster's QR code leads here): one large form, and after each
/// proposal a thank-you and an empty form for the next person. Not found while the workshop's ideas wall is off.
/// </summary>
public sealed class StandModel(
    WorkshopsDbContext db, PublicCache cache, IdeasWallService ideasWall, TimeProvider time, IStringLocalizer<SharedResource> l, ILogger<StandModel> logger) : PageModel
{
    /// <summary>
    /// The walk-in feedback form is open (a walk-in workshop, from its day until feedback is closed;
    /// <see cref="FeedbackRules.WalkInState"/>): the stand page then offers it to passers-by next to the proposal form.
    /// </summary>
    public bool WalkInFeedbackOpen => FeedbackRules.WalkInState(WorkshopLifecycle.At(Workshop, time)) == WalkInFeedback.Open;

    public Workshop Workshop { get; private set; } = null!;

    /// <summary>A proposal was just left (shown once, after the redirect).</summary>
    public bool Thanks { get; private set; }

    [BindProperty]
    public ProposalInput Proposal { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Thanks = TempData[ProposalSubmission.ThanksKey] is true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct)
            ? await ProposalSubmission.PostAsync(this, Workshop, Proposal, ideasWall, l, logger, () => RedirectToPage(new { slug }), ct)
            : NotFound();

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await ProposalSubmission.FactsAsync(db, cache, slug, ct) is not { Workshop.IdeasWall.Enabled: true } facts)
        {
            return false;
        }

        Workshop = facts.Workshop;
        return true;
    }
}
