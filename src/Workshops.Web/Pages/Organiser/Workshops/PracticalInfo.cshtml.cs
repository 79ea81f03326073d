using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The workshop's practical information for its emails (parking, lunch, the agenda) in fi/sv/en (issue 25, item 5),
/// part of the workshop editor: new words are previewed first (<see cref="WordsInput"/>), then saved with one audited
/// write (<see cref="Workshop.ChangePracticalInfo"/>). Confirmations already sent are not sent again; reminders and
/// confirmations composed after the save carry the new text.
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class PracticalInfoModel(WorkshopService workshops, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    [BindProperty]
    public WordsInput Input { get; set; } = new();

    /// <summary>After the first submit of new words: the preview shows, and the next submit saves.</summary>
    public bool Previewing { get; private set; }

    public void OnGet() => Input = WordsInput.From(Workshop.Words.PracticalInfo);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.LacksFinnish)
        {
            ModelState.AddModelError("Input.Fi", l["Kirjoita myös suomenkielinen teksti: se näytetään, kun kieliversio puuttuu."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.NeedsPreview(Workshop.Words.PracticalInfo))
        {
            ModelState.Remove("Input.Stamp");
            (Previewing, Input.Stamp) = (true, Input.CurrentStamp());
            return Page();
        }

        var info = Input.ToText();
        if (!await workshops.ChangeDetailsAsync(Workshop.Id, (w, now) => w.ChangePracticalInfo(info, now), organiser.Email, ct))
        {
            return NotFound();
        }

        TempData.SetNotice(l["Käytännön tiedot tallennettiin. Jo lähteneitä vahvistuksia ei lähetetä uudelleen; myöhemmin lähtevissä vahvistuksissa ja muistutuksissa on uusi teksti."]);
        return RedirectToPage("Edit", new { slug = Workshop.Slug });
    }
}
