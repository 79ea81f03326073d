namespace Workshops.Web.Domain.Questions;

/// <summary>How many people chose one option.</summary>
public sealed record ChoiceCount(string Key, LocalizedText Text, int Count);

/// <summary>
/// The answers to one choice or yes/no question, counted per option (a person who picks several options counts once
/// under each). Pure: built from the question and the answers of the registrations in scope, so tested without a database.
/// Answers that chose an option since removed are not counted under any current option (<see cref="Other"/>).
/// </summary>
public sealed record AnswerTally(WorkshopQuestion Question, IReadOnlyList<ChoiceCount> Choices, int Answered, int Other)
{
    /// <summary>One tally per choice and yes/no question of <paramref name="questions"/>, in their order.</summary>
    public static IReadOnlyList<AnswerTally> Build(IEnumerable<WorkshopQuestion> questions, IReadOnlyList<RegistrationAnswer> answers) =>
        questions.Where(q => q.TakesKeys).Select(q =>
        {
            var mine = answers.Where(a => a.QuestionId == q.Id).ToList();
            var choices = q.Choices.Select(o => new ChoiceCount(o.Key, o.Text, mine.Count(a => a.Keys.Contains(o.Key)))).ToList();
            var other = mine.Count(a => a.Keys.Any(k => q.Choices.All(o => o.Key != k)));
            return new AnswerTally(q, choices, mine.Count, other);
        }).ToList();
}
