using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

[Needs(Capability.ManageProgramme)]
public sealed class NewModel(WorkshopService workshops, TimeProvider time, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    [BindProperty]
    public WorkshopInput Input { get; set; } = new();

    public void OnGet() => Input.Date = DateOnly.FromDateTime(HelsinkiTime.Now(time)).AddMonths(1);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Slug))
        {
            ModelState.AddModelError("Input.Slug", l["Anna työpajalle osoite."]);
        }

        foreach (var problem in Input.CrossFieldProblems())
        {
            ModelState.AddModelError($"Input.{problem.MemberNames.Single()}", l[problem.ErrorMessage!]);
        }

        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = await workshops.CreateAsync(Input.ToDetails(Input.Slug!), organiser.Email, ct);
        if (id is null)
        {
            ModelState.AddModelError("Input.Slug", l["Tämä osoite on jo käytössä. Valitse toinen."]);
            return Page();
        }

        TempData.SetNotice(l["Työpaja luotiin. Se näkyy ohjelmassa heti."].Value);
        return RedirectToPage("Attendees", new { slug = Input.Slug });
    }
}
