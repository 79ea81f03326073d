using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Edits a workshop; the domain service sends change notices and promotes from the waiting list as needed. A draft (a
/// copy) links to its publish confirmation from here (<see cref="PublishModel"/>).
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class EditModel(
    WorkshopsDbContext db, WorkshopService workshops, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    [BindProperty]
    public WorkshopInput Input { get; set; } = new();

    public void OnGet() => Input = WorkshopInput.From(Workshop);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var problem in Input.CrossFieldProblems())
        {
            ModelState.AddModelError($"Input.{problem.MemberNames.Single()}", l[problem.ErrorMessage!]);
        }

        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await workshops.UpdateAsync(Workshop.Id, Input.ToDetails(Workshop.Slug), organiser.Email, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.DateCertified)
        {
            ModelState.AddModelError("Input.Date", l["Työpajan osallistujille on annettu todistuksia, joihin on painettu tämä päivämäärä, joten sitä ei voi enää muuttaa. Mitään ei tallennettu."]);
            return Page();
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

        if (Input.Capacity is { } capacity && capacity < (await db.WorkshopCountsAsync(ct)).GetValueOrDefault(Workshop.Id, WorkshopCounts.None).Confirmed)
        {
            notice.Add(l["Huom: vahvistettuja on enemmän kuin paikkoja. Ketään ei siirretty jonoon; peru ilmoittautumisia tarvittaessa itse."]);
        }

        TempData.SetNotice(string.Join(" ", notice));
        return RedirectToPage("Attendees", new { slug = Workshop.Slug });
    }
}
