using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Domain.Questions;

/// <summary>
/// A person's correction of their answers on their own page, as one rule: an answer the person did not touch stays
/// exactly as stored. The form shows each stored answer as the question can show it now (<see cref="WorkshopQuestion.Shown"/>);
/// posted back unchanged, the answer is left alone and not judged again, even when the form could not show it (an
/// archived option, an answer stored under an earlier kind) or it no longer satisfies the question. Only a changed answer
/// is checked and stored, and a several-choices answer keeps the archived options the form could not offer for unticking.
/// Pure, so tested without a database; <see cref="Registration.CorrectAnswers"/> and
/// <see cref="RegistrationService.CorrectDetailsAsync"/> call it inside the write transaction.
/// </summary>
public static class AnswerCorrection
{
    /// <summary>
    /// Whether <paramref name="posted"/> (what the form posted for <paramref name="question"/>) leaves the person's
    /// <paramref name="stored"/> answer as the form showed it. Never for a question without a stored answer: that one is
    /// judged as on the registration form (a required question added since is asked).
    /// </summary>
    public static bool Untouched(WorkshopQuestion question, RegistrationAnswer? stored, IReadOnlyList<string> posted)
    {
        if (stored is null)
        {
            return false;
        }

        var shown = question.Shown(stored);
        if (question.TakesKeys)
        {
            return posted.Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal).SetEquals(shown);
        }

        return posted.Count <= 1 && TextRules.Nfc(posted.FirstOrDefault()?.Trim() ?? "") == (shown.FirstOrDefault() ?? "");
    }

    /// <summary>
    /// What is wrong with the answers the person changed (<see cref="QuestionFaults.Find"/> over the touched questions;
    /// a required several-choices answer whose kept archived options still answer it is not empty), with every question
    /// of the form in <see cref="QuestionFaults.Questions"/>; null when nothing is.
    /// </summary>
    public static QuestionFaults? Faults(IReadOnlyList<WorkshopQuestion> questions, IReadOnlyCollection<RegistrationAnswer> stored, IReadOnlyList<AnswerRequest> answers)
    {
        var touched = questions.Where(q => !Untouched(q, StoredFor(stored, q), Posted(answers, q))).ToList();
        var faults = (QuestionFaults.Find(touched, answers)?.Faults ?? [])
            .Where(f => f.Problem != AnswerProblem.NoChoices || HiddenKeys(touched.Single(q => q.Id == f.QuestionId), StoredFor(stored, f.QuestionId)).Count == 0)
            .ToList();
        return faults.Count == 0 ? null : new QuestionFaults(questions, faults);
    }

    /// <summary>
    /// Applies the correction to <paramref name="stored"/> (the registration's answers, loaded): each touched answer is
    /// stored as <see cref="RegistrationAnswer.For"/> gives it (an emptied one removed), with the archived options of a
    /// several-choices answer kept; untouched answers and answers to other questions (archived ones) stay as they are.
    /// </summary>
    /// <returns>Whether any answer changed.</returns>
    public static bool Apply(List<RegistrationAnswer> stored, IEnumerable<WorkshopQuestion> questions, IReadOnlyList<AnswerRequest> answers)
    {
        var changed = false;
        foreach (var question in questions)
        {
            var current = StoredFor(stored, question);
            var posted = Posted(answers, question);
            if (Untouched(question, current, posted))
            {
                continue;
            }

            var corrected = WithHiddenKeys(question, current, RegistrationAnswer.For(question, new AnswerRequest(question.Id, posted)));
            if (corrected is null)
            {
                changed |= current is not null && stored.Remove(current);
            }
            else if (current is null)
            {
                stored.Add(corrected);
                changed = true;
            }
            else if (current.OptionKeys != corrected.OptionKeys || current.Text != corrected.Text)
            {
                (current.OptionKeys, current.Text, current.QuestionText) = (corrected.OptionKeys, corrected.Text, corrected.QuestionText);
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// A several-choices answer keeps the chosen keys the form could not show (archived options, or options deleted
    /// before archiving existed): the person could not untick them. Their wording joins the text; an unknown key's wording
    /// survives only in the earlier text, which is kept whole then.
    /// </summary>
    private static RegistrationAnswer? WithHiddenKeys(WorkshopQuestion question, RegistrationAnswer? current, RegistrationAnswer? corrected)
    {
        var hidden = HiddenKeys(question, current);
        if (current is null || hidden.Count == 0)
        {
            return corrected;
        }

        List<string> keys = [.. corrected?.Keys ?? [], .. hidden];
        var known = keys.Select(k => question.Option(k)?.Text.Fi).OfType<string>();
        return new RegistrationAnswer
        {
            QuestionId = question.Id,
            QuestionText = question.Text.Fi,
            OptionKeys = string.Join(' ', keys),
            Text = string.Join(", ", hidden.Any(k => question.Option(k) is null) ? [.. known, current.Text] : known),
        };
    }

    /// <summary>The keys of a several-choices answer that the form does not offer (so cannot show or untick).</summary>
    private static List<string> HiddenKeys(WorkshopQuestion question, RegistrationAnswer? current) =>
        question.Kind == QuestionKind.SeveralChoices && current?.OptionKeys is not null
            ? [.. current.Keys.Where(k => question.Choices.All(o => o.Key != k))]
            : [];

    private static RegistrationAnswer? StoredFor(IEnumerable<RegistrationAnswer> stored, WorkshopQuestion question) => StoredFor(stored, question.Id);

    private static RegistrationAnswer? StoredFor(IEnumerable<RegistrationAnswer> stored, int questionId) =>
        stored.FirstOrDefault(a => a.QuestionId == questionId);

    private static IReadOnlyList<string> Posted(IReadOnlyList<AnswerRequest> answers, WorkshopQuestion question) =>
        answers.FirstOrDefault(a => a.QuestionId == question.Id)?.Values ?? [];
}
