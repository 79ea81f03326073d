using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain;
using Workshops.Web.Pages.Workshops;

namespace Workshops.Web.Pages.Shared;

/// <summary>
/// The custom questions on the registration form: their field names (<c>Input.Q{id}</c>, so the error summary and
/// <c>aria-describedby</c> work as for the built-in fields) and the checks of what was posted. Messages are Finnish
/// SharedResource keys naming the question.
/// </summary>
public static class QuestionAnswers
{
    /// <summary>The field's name under <c>Input.</c> (and its id under <c>Input_</c>).</summary>
    public static string Field(WorkshopQuestion question) => $"Q{question.Id}";

    /// <summary>
    /// Reads the posted answers to <paramref name="questions"/> into <see cref="RegisterInput.Answers"/> (to show them
    /// again), adds an error per question that is not answered right, and returns what to store.
    /// </summary>
    public static IReadOnlyList<AnswerRequest> Read(
        IReadOnlyList<WorkshopQuestion> questions, IFormCollection form, RegisterInput input, ModelStateDictionary modelState, IStringLocalizer l, string language)
    {
        var answers = new List<AnswerRequest>();
        foreach (var question in questions)
        {
            var name = $"Input.{Field(question)}";
            var values = form.TryGetValue(name, out var posted) ? posted.OfType<string>().ToArray() : [];
            input.Answers[question.Id] = values;
            if (Problem(question, values, l, question.Text.For(language)) is { } problem)
            {
                modelState.AddModelError(name, problem);
                continue;
            }

            answers.Add(question.TakesKeys
                ? new AnswerRequest(question.Id, null, values.Where(v => v.Length > 0).ToList())
                : new AnswerRequest(question.Id, values.FirstOrDefault(), []));
        }

        return answers;
    }

    /// <summary>The message for a wrong answer, naming the question (<paramref name="wording"/>), or null when the answer is acceptable.</summary>
    public static string? Problem(WorkshopQuestion question, IReadOnlyList<string> values, IStringLocalizer l, string wording)
    {
        if (question.TakesKeys)
        {
            var keys = values.Where(v => v.Length > 0).ToList();
            if (keys.Any(k => question.Choices.All(o => o.Key != k)) || (question.Kind != QuestionKind.SeveralChoices && keys.Count > 1))
            {
                return l["Valitse vastaus annetuista vaihtoehdoista: {0}", wording];
            }

            if (!question.Required || keys.Count > 0)
            {
                return null;
            }

            return question.Kind == QuestionKind.SeveralChoices ? l["Valitse ainakin yksi vaihtoehto: {0}", wording] : l["Valitse vastaus: {0}", wording];
        }

        if (values.Count > 1)
        {
            return l["Vastaa kysymykseen: {0}", wording];
        }

        var text = values.FirstOrDefault()?.Trim() ?? "";
        if (question.Required && text.Length == 0)
        {
            return l["Vastaa kysymykseen: {0}", wording];
        }

        if (text.Length > question.AnswerMaxLength)
        {
            return l["Vastaus voi olla enintään {1} merkkiä pitkä: {0}", wording, question.AnswerMaxLength];
        }

        if (!TextRules.IsClean(text, allowLineBreaks: question.Kind == QuestionKind.LongText))
        {
            return l["Poista vastauksesta erikoismerkit: {0}", wording];
        }

        return null;
    }
}
