using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>A workshop's custom questions: the list in form order, moving one up or down, removing one.</summary>
[Needs(Capability.ManageWorkshop)]
public sealed class QuestionsModel(
    WorkshopsDbContext db, QuestionService questions, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public IReadOnlyList<WorkshopQuestion> Questions { get; private set; } = [];

    /// <summary>How many answers each question has (by id).</summary>
    public Dictionary<int, int> AnswerCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Questions = await db.ActiveQuestionsAsync(Workshop.Id, ct);
        var ids = Questions.Select(q => q.Id).ToList();
        AnswerCounts = await db.RegistrationAnswers.Where(a => ids.Contains(a.QuestionId))
            .GroupBy(a => a.QuestionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, QuestionMove direction, CancellationToken ct)
    {
        await questions.MoveAsync(Workshop.Id, id, direction, organiser.Email, ct);
        return RedirectToPage(new { slug = Workshop.Slug });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var removal = await questions.RemoveAsync(Workshop.Id, id, organiser.Email, ct);
        if (removal == QuestionRemoval.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice((removal == QuestionRemoval.Archived
            ? l["Kysymys poistettiin lomakkeelta. Sen saamat vastaukset säilyvät osallistujalistassa ja latauksissa."]
            : l["Kysymys poistettiin."]).Value);
        return RedirectToPage(new { slug = Workshop.Slug });
    }
}
