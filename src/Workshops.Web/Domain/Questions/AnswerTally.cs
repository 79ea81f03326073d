namespace Workshops.Web.Domain.Questions;

/// <summary>How many people chose one option; <paramref name="Archived"/> when it has been taken off the form since.</summary>
public sealed record ChoiceCount(string Key, LocalizedText Text, int Count, bool Archived = false);

/// <summary>
/// The answers to one choice or yes/no question, counted per option (a person who picks several options counts once
/// under each). Pure: built from the question and the answers of the registrations in scope, so tested without a database.
/// The options on the form come first, then the archived ones that still hold answers; answers the options cannot
/// account for (an option deleted before options were archived, a text answer stored before kind changes were refused)
/// are counted in <see cref="Other"/>.
/// </summary>
public sealed record AnswerTally(WorkshopQuestion Question, IReadOnlyList<ChoiceCount> Choices, int Answered, int Other)
{
    /// <summary>One tally per choice and yes/no question of <paramref name="questions"/>, in their order.</summary>
    public static IReadOnlyList<AnswerTally> Build(IEnumerable<WorkshopQuestion> questions, IReadOnlyList<RegistrationAnswer> answers) =>
        questions.Where(q => q.TakesKeys).Select(q =>
        {
            var mine = answers.Where(a => a.QuestionId == q.Id).ToList();
            var choices = q.Choices.Select(o => new ChoiceCount(o.Key, o.Text, mine.Count(a => a.Keys.Contains(o.Key))))
                .Concat(q.Options.Where(o => o.Archived).Select(o => new ChoiceCount(o.Key, o.Text, mine.Count(a => a.Keys.Contains(o.Key)), Archived: true)))
                .Where(c => !c.Archived || c.Count > 0)
                .ToList();
            var other = mine.Count(a => a.OptionKeys is null || a.Keys.Any(k => q.Option(k) is null));
            return new AnswerTally(q, choices, mine.Count, other);
        }).ToList();
}
