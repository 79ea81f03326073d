using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Pages.Workshops;

namespace Workshops.Web.Pages.Shared;

/// <summary>
/// The custom questions on the registration form: their field names (<c>Input.Q{id}</c>, so the error summary and
/// <c>aria-describedby</c> work as for the built-in fields), reading what was posted, and the messages for what the
/// domain's answer rule (<see cref="WorkshopQuestion.Check"/>) finds wrong. Messages are Finnish SharedResource keys naming the question.
/// </summary>
public static class QuestionAnswers
{
    /// <summary>The field's name under <c>Input.</c> (and its id under <c>Input_</c>).</summary>
    public static string Field(WorkshopQuestion question) => $"Q{question.Id}";

    /// <summary>
    /// Reads the posted answers to <paramref name="questions"/> into <see cref="RegisterInput.Answers"/> (to show them
    /// again), adds an error per question that is not answered right (<see cref="WorkshopQuestion.Check"/>), and returns
    /// what to send on. The transaction checks again against the questions as it reads them. For a correction,
    /// <paramref name="stored"/> holds the person's answers: one posted back as the form showed it is not judged again
    /// (<see cref="AnswerCorrection.Faults"/>).
    /// </summary>
    public static IReadOnlyList<AnswerRequest> Read(
        IReadOnlyList<WorkshopQuestion> questions, IFormCollection form, RegisterInput input, ModelStateDictionary modelState, IStringLocalizer l, string language,
        IReadOnlyCollection<RegistrationAnswer>? stored = null) =>
        Read(questions, form, "Input", input.Answers, modelState, l, language, stored);

    /// <summary>
    /// <see cref="Read(IReadOnlyList{WorkshopQuestion}, IFormCollection, RegisterInput, ModelStateDictionary, IStringLocalizer, string, IReadOnlyCollection{RegistrationAnswer}?)"/>
    /// for the fields under <paramref name="prefix"/> (<c>Input.Others[1]</c>: one more person of a group), keeping what was
    /// posted in <paramref name="kept"/>.
    /// </summary>
    public static IReadOnlyList<AnswerRequest> Read(
        IReadOnlyList<WorkshopQuestion> questions, IFormCollection form, string prefix, Dictionary<int, string[]> kept, ModelStateDictionary modelState, IStringLocalizer l, string language,
        IReadOnlyCollection<RegistrationAnswer>? stored = null)
    {
        var answers = questions
            .Select(q => new AnswerRequest(q.Id, form.TryGetValue($"{prefix}.{Field(q)}", out var posted) ? posted.OfType<string>().ToArray() : []))
            .ToList();
        foreach (var answer in answers)
        {
            kept[answer.QuestionId] = [.. answer.Values];
        }

        if ((stored is null ? QuestionFaults.Find(questions, answers) : AnswerCorrection.Faults(questions, stored, answers)) is { } faults)
        {
            Show(faults, modelState, l, language, prefix);
        }

        return answers;
    }

    /// <summary>
    /// The transaction refused the answers: the questions changed after the page read them. Adds the error next to each
    /// question at fault and returns the page-level message for the error summary. The page then shows
    /// <see cref="QuestionFaults.Questions"/>, read inside the transaction rather than from the page's (possibly cached)
    /// copy; what the person typed stays in <see cref="RegisterInput.Answers"/>.
    /// </summary>
    public static string Refused(QuestionFaults faults, ModelStateDictionary modelState, IStringLocalizer l, string language, string prefix = "Input")
    {
        Show(faults, modelState, l, language, prefix);
        return l["Lomakkeen kysymyksiä muutettiin sillä välin, kun täytit sitä, joten mitään ei tallennettu. Vastaa merkittyihin kysymyksiin ja lähetä lomake uudelleen."];
    }

    private static void Show(QuestionFaults faults, ModelStateDictionary modelState, IStringLocalizer l, string language, string prefix)
    {
        foreach (var fault in faults.Faults)
        {
            var question = faults.Questions.Single(q => q.Id == fault.QuestionId);
            modelState.AddModelError($"{prefix}.{Field(question)}", Message(question, fault.Problem, l, question.Text.For(language)));
        }
    }

    /// <summary>The message for a wrong answer, naming the question (<paramref name="wording"/>).</summary>
    private static string Message(WorkshopQuestion question, AnswerProblem problem, IStringLocalizer l, string wording) => problem switch
    {
        AnswerProblem.NotAnOption => l["Valitse vastaus annetuista vaihtoehdoista: {0}", wording],
        AnswerProblem.NoChoice => l["Valitse vastaus: {0}", wording],
        AnswerProblem.NoChoices => l["Valitse ainakin yksi vaihtoehto: {0}", wording],
        AnswerProblem.NoAnswer => l["Vastaa kysymykseen: {0}", wording],
        AnswerProblem.TooLong => l["Vastaus voi olla enintään {1} merkkiä pitkä: {0}", wording, question.AnswerMaxLength],
        AnswerProblem.SpecialCharacters => l["Poista vastauksesta erikoismerkit: {0}", wording],
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
