using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Accessibility;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The workshop's accessibility block: yes / no / not yet known for each arrangement of the checklist and a free text in
/// Finnish, Swedish and English, shown on the public workshop page (issue 26, item 1). Part of the workshop's own details,
/// so it needs what editing the workshop needs.
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class AccessibilityBlockModel(WorkshopService workshops, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    [BindProperty]
    public AccessibilityInput Input { get; set; } = new();

    public void OnGet() => Input = AccessibilityInput.From(Workshop.Accessibility);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var info = Input.ToInfo();
        if (!await workshops.ChangeDetailsAsync(Workshop.Id, (w, now) => w.DescribeAccessibility(info, now), organiser.Email, ct))
        {
            return NotFound();
        }

        TempData.SetNotice(l["Saavutettavuustiedot tallennettu."]);
        return RedirectToPage("AccessibilityBlock", new { slug = Workshop.Slug });
    }
}

/// <summary>What the accessibility form posts: one answer per arrangement (by name), the notes per language.</summary>
public sealed class AccessibilityInput
{
    public Dictionary<Arrangement, ArrangementStatus> Answers { get; set; } = [];

    [StringLength(AccessibilityInfo.NotesMaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? NotesFi { get; set; }

    [StringLength(AccessibilityInfo.NotesMaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? NotesSv { get; set; }

    [StringLength(AccessibilityInfo.NotesMaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? NotesEn { get; set; }

    public AccessibilityInfo ToInfo() =>
        AccessibilityInfo.From(Answers, new LocalizedText { Fi = NotesFi ?? "", Sv = NotesSv ?? "", En = NotesEn ?? "" });

    public static AccessibilityInput From(AccessibilityInfo info) => new()
    {
        Answers = Enum.GetValues<Arrangement>().ToDictionary(a => a, info.For),
        NotesFi = info.Notes.Fi,
        NotesSv = info.Notes.Sv,
        NotesEn = info.Notes.En,
    };
}
