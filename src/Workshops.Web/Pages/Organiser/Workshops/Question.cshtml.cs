using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>Adds a custom question to a workshop's registration form, or edits one (its id in the route).</summary>
[Needs(Capability.ManageWorkshop)]
public sealed class QuestionModel(
    WorkshopsDbContext db, QuestionService questions, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    /// <summary>The question being edited; null when adding one.</summary>
    [FromRoute(Name = "id")]
    public int? QuestionId { get; set; }

    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    /// <summary>Why the question was not saved, when the form has no room for it.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (QuestionId is { } id)
        {
            if (await db.WorkshopQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id && q.WorkshopId == Workshop.Id && q.ArchivedAtUtc == null, ct) is not { } question)
            {
                return NotFound();
            }

            Input = QuestionInput.From(question);
        }

        Input.WithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (field, message) in Input.CrossFieldProblems())
        {
            ModelState.AddModelError($"Input.{field}", l[message]);
        }

        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = organiser.Email;
        var outcome = QuestionId is { } id
            ? await questions.EditAsync(Workshop.Id, id, Input.ToDraft(), actor, ct)
            : await questions.AddAsync(Workshop.Id, Input.ToDraft(), actor, ct);
        if (outcome == QuestionSave.NotFound)
        {
            return NotFound();
        }

        if (outcome == QuestionSave.KindRefused)
        {
            // Its answers would not fit the new kind: shown empty, then dropped by the person's next correction.
            ModelState.AddModelError("Input.Kind", l["Kysymykseen on jo vastattu, joten sen tyyppiä voi vaihtaa vain lyhyestä tekstistä pitkään tai yhdestä vaihtoehdosta useaan: muuten vastaukset eivät enää sopisi siihen. Lisää tarvittaessa uusi kysymys ja poista tämä; sen vastaukset säilyvät."]);
            return Page();
        }

        if (outcome == QuestionSave.FormFull)
        {
            Refusal = l["Lomakkeelle ei mahdu enempää: kysymysten vastauskenttiä voi olla yhteensä enintään {0} (useiden vaihtoehtojen kysymyksessä jokainen vaihtoehto on oma kenttänsä). Poista tai yhdistä kysymyksiä.", WorkshopQuestion.MaxAnswerFieldsPerForm];
            Input.WithBlankRows();
            return Page();
        }

        TempData.SetNotice((QuestionId is null ? l["Kysymys lisättiin lomakkeelle."] : l["Kysymys tallennettiin."]).Value);
        return RedirectToPage("Questions", new { slug = Workshop.Slug });
    }
}
