using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// The ideas wall's post, shared by the workshop page and the stand page: honeypot, validation, the theme check, the
/// write, then Post/Redirect/Get to an empty form with a thank-you. Errors re-render the page with the typed text.
/// </summary>
public static class ProposalSubmission
{
    /// <summary>The TempData key of the thank-you shown after the redirect.</summary>
    public const string ThanksKey = "ProposalThanks";

    /// <summary>
    /// A workshop's facts for its public pages through the public cache, with the approved proposals it shows
    /// (only when the organiser shows them) and the custom questions on its form. Null when no workshop has the slug.
    /// </summary>
    public static Task<WorkshopFacts?> FactsAsync(WorkshopsDbContext db, PublicCache cache, string slug, CancellationToken ct) =>
        cache.WorkshopAsync(slug, c => LoadFactsAsync(db, slug, c), (facts, c) => ReloadSeatsAsync(db, facts, c), ct);

    /// <summary>
    /// The published workshop at <paramref name="slug"/> from the public cache, without its seats (a page that shows none
    /// reads nothing to refresh them); null when no workshop has the slug.
    /// </summary>
    public static Task<Workshop?> WorkshopAsync(WorkshopsDbContext db, PublicCache cache, string slug, CancellationToken ct) =>
        cache.WorkshopOnlyAsync(slug, c => LoadFactsAsync(db, slug, c), (facts, c) => ReloadSeatsAsync(db, facts, c), ct);

    private static async Task<WorkshopFacts?> LoadFactsAsync(WorkshopsDbContext db, string slug, CancellationToken c)
    {
        if (await db.PublicWorkshopBySlugAsync(slug, c) is not { } w)
        {
            return null;
        }

        var shown = w is { IdeasWall: { Enabled: true, Public: true } }
            ? (await db.Proposals.AsNoTracking().Approved(w.Id).ToListAsync(c)).Select(PublicProposal.From).ToList()
            : null;
        return new WorkshopFacts(w, await db.SeatsTakenAsync(w.Id, c), Proposals: shown, Questions: await db.ActiveQuestionsAsync(w.Id, c),
            OnlineSeatsTaken: await db.OnlineSeatsTakenAsync(w, c));
    }

    private static async Task<WorkshopFacts> ReloadSeatsAsync(WorkshopsDbContext db, WorkshopFacts facts, CancellationToken c) => facts with
    {
        SeatsTaken = await db.SeatsTakenAsync(facts.Workshop.Id, c),
        OnlineSeatsTaken = await db.OnlineSeatsTakenAsync(facts.Workshop, c),
    };

    /// <summary>
    /// Handles the post: a filled honeypot stores nothing but answers like a success; invalid input returns the page
    /// (the text kept, each error at its field, the form's key kept), and so does a wall at its ceiling for the moment
    /// (<see cref="SubmitStatus.Busy"/>: "try again shortly" at the text); a stored proposal redirects to
    /// <paramref name="redirect"/>, and so does the same form posted again, which stores nothing more.
    /// </summary>
    public static async Task<IActionResult> PostAsync(
        PageModel page, Workshop workshop, ProposalInput input, IdeasWallService ideasWall, IStringLocalizer<SharedResource> l, ILogger logger,
        Func<IActionResult> redirect, CancellationToken ct)
    {
        // The page's other form (the registration) is not what was posted: its empty fields are not errors here.
        page.ModelState.KeepOnly(ProposalFields.Prefix);
        var formKey = input.SubmissionKey();

        if (input.LooksLikeABot)
        {
            logger.LogInformation("Proposal dropped: the honeypot field was filled");
            page.TempData[ThanksKey] = true;
            return redirect();
        }

        if (!input.ThemeIsOneOf(workshop.IdeasWall.ThemesFor("fi")))
        {
            page.ModelState.AddModelError("Proposal.Theme", l["Valitse teema listasta."]);
        }

        if (input.NeedsConsent && !input.Consent)
        {
            page.ModelState.AddModelError("Proposal.Consent", l["Jos kerrot nimesi tai organisaatiosi, hyväksy tietojesi käsittely."]);
        }

        if (!page.ValidateEvenIfNotPosted(input, ProposalFields.Prefix))
        {
            return page.Page();
        }

        switch ((await ideasWall.SubmitAsync(workshop.Id, formKey, input.ToRequest(Cultures.Current), ct)).Status)
        {
            case SubmitStatus.NotOpen:
                // The organiser switched the wall off (or renamed the themes) since the page was loaded.
                return page.NotFound();
            case SubmitStatus.Busy:
                // The workshop's ceiling over all addresses (a flood): the text stays in the form, nothing is stored.
                page.ModelState.AddModelError("Proposal.Text", l["Ideaseinälle tulee juuri nyt hyvin paljon ehdotuksia. Ehdotustasi ei vielä tallennettu: yritä hetken päästä uudelleen, tekstisi on tallessa tässä."]);
                return page.Page();
        }

        page.TempData[ThanksKey] = true;
        return redirect();
    }
}
