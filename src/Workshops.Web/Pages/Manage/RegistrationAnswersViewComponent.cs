using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Manage;

/// <summary>One answer as the person reads it: the question and the answer in the page's language.</summary>
public sealed record AnswerLine(string Question, string Answer);

/// <summary>
/// The person's answers to the workshop's custom questions on their own page, read only. A view component, so the
/// manage page needs one line for it and loads nothing more itself.
/// </summary>
public sealed class RegistrationAnswersViewComponent(WorkshopsDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int registrationId, Guid workshopId)
    {
        var answers = await db.RegistrationAnswers.AsNoTracking().Where(a => a.RegistrationId == registrationId).ToListAsync(HttpContext.RequestAborted);
        var questions = await db.AllQuestionsAsync(workshopId, HttpContext.RequestAborted);
        var language = Cultures.Current;
        var lines = questions
            .Select(q => answers.FirstOrDefault(a => a.QuestionId == q.Id) is { } a
                ? new AnswerLine(q.ArchivedAtUtc is null ? q.Text.For(language) : a.QuestionText, q.Describe(a, language))
                : null)
            .OfType<AnswerLine>()
            .ToList();
        return View(lines);
    }
}
