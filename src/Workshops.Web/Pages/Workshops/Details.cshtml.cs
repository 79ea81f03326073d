using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Workshops;

public sealed class DetailsModel(
    WorkshopsDbContext db,
    PublicCache cache,
    RegistrationService registrations,
    TimeProvider time,
    IStringLocalizer<SharedResource> l,
    ILogger<DetailsModel> logger) : PageModel
{
    internal const string OutcomeKey = "RegistrationOutcome";

    public Workshop Workshop { get; private set; } = null!;
    public Availability Availability { get; private set; } = null!;

    /// <summary>The workshop's custom questions, in form order.</summary>
    public IReadOnlyList<WorkshopQuestion> Questions { get; private set; } = [];

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Input.Language = Cultures.Current;
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
            logger.LogInformation("Registration dropped: the honeypot field was filled");
            return BadRequest();
        }

        var answers = QuestionAnswers.Read(Questions, Request.Form, Input, ModelState, l, Cultures.Current);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await registrations.RegisterAsync(Workshop.Id, Input.ToRequest(answers), ct);
        if (outcome.Kind == RegistrationOutcomeKind.Closed)
        {
            // The page now shows why registration is closed, instead of the form.
            Availability = Availability with { ClosedReason = outcome.ClosedReason };
            return Page();
        }

        if (outcome.Kind == RegistrationOutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData[OutcomeKey] = JsonSerializer.Serialize(new RegisteredTicket(outcome.RegistrationId!.Value, time.GetUtcNow().UtcDateTime));
        return RedirectToPage("Registered", new { slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        // The seat decision itself is made again inside the registration's transaction, never from this cached copy.
        var facts = await cache.WorkshopAsync(slug, async c =>
            await db.WorkshopBySlugAsync(slug, c) is { } w
                ? new WorkshopFacts(w, await db.ConfirmedCountAsync(w.Id, c))
                : null, ct);
        if (facts is null)
        {
            return false;
        }

        Workshop = facts.Workshop;
        Availability = RegistrationRules.Evaluate(facts.Workshop, facts.Confirmed, HelsinkiTime.Now(time));
        Questions = await db.ActiveQuestionsAsync(facts.Workshop.Id, ct);
        return true;
    }
}
