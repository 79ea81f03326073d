using Workshops.Web.Domain.Privacy;

namespace Workshops.Web.Domain.Questions;

/// <summary>
/// What the form posted for one custom question (a person's, or an organiser's for them): the text as its only value, or
/// the chosen option keys. Read as the question is inside the write transaction (<see cref="WorkshopQuestion.Check"/>).
/// </summary>
public sealed record AnswerRequest(int QuestionId, IReadOnlyList<string> Values);

/// <summary>
/// One answer to a <see cref="WorkshopQuestion"/>, stored with the registration. Besides the question's id and the
/// chosen option keys it keeps a Finnish snapshot of the question and of the answer as text, so the answer stays
/// readable after the question is reworded, an option is removed or the question is archived.
/// Erasing the person (<see cref="PersonalData"/>) deletes their answers.
/// </summary>
public sealed class RegistrationAnswer
{
    public long Id { get; set; }
    public int RegistrationId { get; set; }
    public int QuestionId { get; set; }

    /// <summary>The question's Finnish wording when answered.</summary>
    public string QuestionText { get; set; } = "";

    /// <summary>The chosen option keys separated by spaces (choice and yes/no questions); null for a text answer.</summary>
    public string? OptionKeys { get; set; }

    /// <summary>The answer as text: as typed, or the chosen options' Finnish wording when answered, comma-separated.</summary>
    public string Text { get; set; } = "";

    public IReadOnlyList<string> Keys => OptionKeys is null ? [] : OptionKeys.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The stored answer to <paramref name="question"/>, or null when there is nothing to store (empty text, no valid
    /// option). The caller has checked the answer (<see cref="QuestionFaults.Find"/>); as a last guard, option keys the
    /// question does not offer are dropped and text is cut to the question's limit. Text is trimmed and NFC.
    /// </summary>
    public static RegistrationAnswer? For(WorkshopQuestion question, AnswerRequest request)
    {
        if (question.TakesKeys)
        {
            var chosen = question.Choices.Where(o => request.Values.Contains(o.Key, StringComparer.Ordinal)).ToList();
            if (question.Kind != QuestionKind.SeveralChoices)
            {
                chosen = chosen.Take(1).ToList();
            }

            return chosen.Count == 0 ? null : new RegistrationAnswer
            {
                QuestionId = question.Id,
                QuestionText = question.Text.Fi,
                OptionKeys = string.Join(' ', chosen.Select(o => o.Key)),
                Text = string.Join(", ", chosen.Select(o => o.Text.Fi)),
            };
        }

        var text = TextRules.Nfc(request.Values.FirstOrDefault()?.Trim() ?? "");
        return text.Length == 0 ? null : new RegistrationAnswer
        {
            QuestionId = question.Id,
            QuestionText = question.Text.Fi,
            Text = text.Length > question.AnswerMaxLength ? text[..question.AnswerMaxLength] : text,
        };
    }
}

/// <summary>One answer as the person reads it: the question and the answer, in one language.</summary>
public sealed record QuestionAnswerLine(string Question, string Answer);

/// <summary>
/// A person's answers with every question the workshop has had (archived ones after the active ones), as read for
/// the personal page and the confirmation of a correction.
/// </summary>
public sealed record PersonAnswers(IReadOnlyList<WorkshopQuestion> Questions, IReadOnlyList<RegistrationAnswer> Answers)
{
    /// <summary>
    /// The answered questions in form order, in <paramref name="language"/>: a current question in its current
    /// wording, an archived one in the Finnish wording saved with the answer (<see cref="WorkshopQuestion.Describe"/>).
    /// </summary>
    public IReadOnlyList<QuestionAnswerLine> Lines(string language) =>
        [.. Questions.Select(q => Answers.FirstOrDefault(a => a.QuestionId == q.Id) is { } a
                ? new QuestionAnswerLine(q.ArchivedAtUtc is null ? q.Text.For(language) : a.QuestionText, q.Describe(a, language))
                : null)
            .OfType<QuestionAnswerLine>()];
}
