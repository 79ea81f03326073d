using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>Adds a custom question to a workshop's registration form, or edits one (its id in the route).</summary>
public sealed class QuestionModel(WorkshopsDbContext db, QuestionService questions, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;

    /// <summary>The question being edited; null when adding one.</summary>
    [FromRoute(Name = "id")]
    public int? QuestionId { get; set; }

    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    /// <summary>Why the question was not saved, when the form has no room for it.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        Workshop = workshop;
        if (QuestionId is { } id)
        {
            if (await db.WorkshopQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id && q.WorkshopId == workshop.Id && q.ArchivedAtUtc == null, ct) is not { } question)
            {
                return NotFound();
            }

            Input = QuestionInput.From(question);
        }

        Input.WithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        Workshop = workshop;
        foreach (var (field, message) in Input.CrossFieldProblems())
        {
            ModelState.AddModelError($"Input.{field}", l[message]);
        }

        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = User.Identity!.Name!;
        var saved = QuestionId is { } id
            ? await questions.EditAsync(workshop.Id, id, Input.ToDraft(), actor, ct)
            : await questions.AddAsync(workshop.Id, Input.ToDraft(), actor, ct);
        if (saved == QuestionSave.NotFound)
        {
            return NotFound();
        }

        if (saved == QuestionSave.FormFull)
        {
            Refusal = l["Lomakkeelle ei mahdu enempää: kysymysten vastauskenttiä voi olla yhteensä enintään {0} (useiden vaihtoehtojen kysymyksessä jokainen vaihtoehto on oma kenttänsä). Poista tai yhdistä kysymyksiä.", WorkshopQuestion.MaxAnswerFieldsPerForm];
            Input.WithBlankRows();
            return Page();
        }

        TempData["OrganiserNotice"] = (QuestionId is null ? l["Kysymys lisättiin lomakkeelle."] : l["Kysymys tallennettiin."]).Value;
        return RedirectToPage("Questions", new { slug });
    }
}
