using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>A workshop's custom questions: the list in form order, moving one up or down, removing one.</summary>
public sealed class QuestionsModel(WorkshopsDbContext db, QuestionService questions, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public IReadOnlyList<WorkshopQuestion> Questions { get; private set; } = [];

    /// <summary>How many answers each question has (by id).</summary>
    public Dictionary<int, int> AnswerCounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        Workshop = workshop;
        Questions = await db.ActiveQuestionsAsync(workshop.Id, ct);
        var ids = Questions.Select(q => q.Id).ToList();
        AnswerCounts = await db.RegistrationAnswers.Where(a => ids.Contains(a.QuestionId))
            .GroupBy(a => a.QuestionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(string slug, int id, QuestionMove direction, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        await questions.MoveAsync(workshop.Id, id, direction, organiser.Email, ct);
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int id, CancellationToken ct)
    {
        var removal = await db.WorkshopBySlugAsync(slug, ct) is { } workshop
            ? await questions.RemoveAsync(workshop.Id, id, organiser.Email, ct)
            : QuestionRemoval.NotFound;
        if (removal == QuestionRemoval.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice((removal == QuestionRemoval.Archived
            ? l["Kysymys poistettiin lomakkeelta. Sen saamat vastaukset säilyvät osallistujalistassa ja latauksissa."]
            : l["Kysymys poistettiin."]).Value);
        return RedirectToPage(new { slug });
    }
}
