using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Edits a workshop; the domain service sends change notices and promotes from the waiting list as needed. A draft (a
/// copy) is published from here too.
/// </summary>
public sealed class EditModel(WorkshopsDbContext db, WorkshopService workshops, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;

    [BindProperty]
    public WorkshopInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        Workshop = workshop;
        Input = WorkshopInput.From(workshop);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        Workshop = workshop;
        foreach (var problem in Input.CrossFieldProblems())
        {
            ModelState.AddModelError($"Input.{problem.MemberNames.Single()}", l[problem.ErrorMessage!]);
        }

        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await workshops.UpdateAsync(workshop.Id, Input.ToDetails(workshop.Slug), User.Identity!.Name!, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        var notice = new List<string> { l["Muutokset tallennettiin."] };
        if (outcome.ScheduleChanged)
        {
            notice.Add(l["Muutosilmoitus ja päivitetty kalenterimerkintä lähtevät {0} ilmoittautuneelle.", outcome.Notified]);
        }

        if (outcome.Promoted > 0)
        {
            notice.Add(l["{0} henkilöä siirtyi jonosta osallistujiksi, ja he saavat siitä viestin.", outcome.Promoted]);
        }

        if (Input.Capacity is { } capacity && capacity < (await db.WorkshopCountsAsync(ct)).GetValueOrDefault(workshop.Id, WorkshopCounts.None).Confirmed)
        {
            notice.Add(l["Huom: vahvistettuja on enemmän kuin paikkoja. Ketään ei siirretty jonoon; peru ilmoittautumisia tarvittaessa itse."]);
        }

        TempData["OrganiserNotice"] = string.Join(" ", notice);
        return RedirectToPage("Attendees", new { slug = workshop.Slug });
    }
}
