using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain.Questions;

namespace Workshops.Tests.Support;

/// <summary>Custom questions made as an organiser makes them: through the question editor's real form.</summary>
public static class QuestionSteps
{
    /// <summary>Adds a question to <paramref name="slug"/> with the editor's <paramref name="values"/> and returns it as stored.</summary>
    public static async Task<WorkshopQuestion> AddAsync(WorkshopsFactory app, HttpClient organiser, Dictionary<string, string?> values, string slug = RegistrationSteps.Rauma)
    {
        var form = await Html.GetAsync(organiser, $"/organiser/workshops/{slug}/question");
        var response = await Html.SubmitAsync(organiser, form, values, "form.question-form");
        Assert.EndsWith($"/organiser/workshops/{slug}/questions", response.RequestMessage!.RequestUri!.AbsolutePath);
        return await app.WithDbAsync(db => db.WorkshopQuestions.AsNoTracking().OrderBy(q => q.Id).LastAsync());
    }
}
