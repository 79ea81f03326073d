namespace Workshops.Web.Domain.Questions;

/// <summary>Why an answer does not satisfy its question (<see cref="WorkshopQuestion.Check"/>); each has its message on the form.</summary>
public enum AnswerProblem
{
    /// <summary>A key the question does not offer (an option removed meanwhile, a forged post), or several where one is asked.</summary>
    NotAnOption,

    /// <summary>A required one-choice or yes/no question without a choice.</summary>
    NoChoice,

    /// <summary>A required several-choices question without any choice.</summary>
    NoChoices,

    /// <summary>A required text question left empty (or more than one text posted for it).</summary>
    NoAnswer,
    TooLong,
    SpecialCharacters,
}

/// <summary>A question on the form that the answers do not satisfy, and why.</summary>
public sealed record AnswerFault(int QuestionId, AnswerProblem Problem);

/// <summary>
/// The answers checked against the questions on the form: <see cref="Questions"/> are those questions in form order (as
/// read inside the transaction, when the transaction refused the answers), <see cref="Faults"/> the ones not answered
/// as they must be, in the same order.
/// </summary>
public sealed record QuestionFaults(IReadOnlyList<WorkshopQuestion> Questions, IReadOnlyList<AnswerFault> Faults)
{
    /// <summary>
    /// What is wrong with <paramref name="answers"/> as answers to <paramref name="questions"/> (a question without an
    /// answer counts as left empty, so a required question added meanwhile is at fault), or null when nothing is.
    /// Answers to questions not among them are not judged: they are not stored either.
    /// </summary>
    public static QuestionFaults? Find(IReadOnlyList<WorkshopQuestion> questions, IReadOnlyList<AnswerRequest> answers)
    {
        var faults = questions
            .Select(q => q.Check(answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Values ?? []) is { } problem ? new AnswerFault(q.Id, problem) : null)
            .OfType<AnswerFault>()
            .ToList();
        return faults.Count == 0 ? null : new QuestionFaults(questions, faults);
    }
}
