using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// The group part of the public registration form (issue 24): the other people's fields are <c>Input.Others[i].…</c>, their
/// answers <c>Input.Others[i].Q{id}</c>, so each error sits next to the right person's field and in the error summary.
/// Messages are Finnish SharedResource keys.
/// </summary>
public static class GroupForm
{
    /// <summary>The name prefix of the <paramref name="index"/>th other person's fields (0 is the second person on the form).</summary>
    public static string Prefix(int index) => $"Input.Others[{index}]";

    /// <summary>
    /// Reads each other person's answers (kept for the form) and checks the group as a whole: no more people than the
    /// workshop allows, no address twice on the form, and the contact's confirmation that everyone has been told of the
    /// privacy notice. Returns each other person's answers, in form order.
    /// </summary>
    public static List<IReadOnlyList<AnswerRequest>> Read(
        RegisterInput input, IReadOnlyList<WorkshopQuestion> questions, int maxPeople, IFormCollection form, ModelStateDictionary modelState, IStringLocalizer l, string language)
    {
        var answers = input.Others
            .Select((person, i) => QuestionAnswers.Read(questions, form, Prefix(i), person.Answers, modelState, l, language))
            .ToList();
        if (input.Others.Count == 0)
        {
            return answers;
        }

        if (input.Others.Count + 1 > maxPeople)
        {
            modelState.AddModelError("Input.Others", l["Yhdellä lomakkeella voi ilmoittaa enintään {0} henkilöä.", maxPeople]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(input.Email))
        {
            seen.Add(TextRules.NormalizeEmail(input.Email));
        }

        for (var i = 0; i < input.Others.Count; i++)
        {
            if (input.Others[i].Email is { } email && !string.IsNullOrWhiteSpace(email) && !seen.Add(TextRules.NormalizeEmail(email)))
            {
                modelState.AddModelError($"{Prefix(i)}.Email", l["Tämä osoite on jo lomakkeella. Jokainen tarvitsee oman sähköpostiosoitteensa."]);
            }
        }

        if (!input.OthersInformed)
        {
            modelState.AddModelError("Input.OthersInformed", l["Vahvista, että olet kertonut jokaiselle ilmoittamallesi henkilölle tietosuojaselosteesta."]);
        }

        return answers;
    }

    /// <summary>The group's fields under <c>Input.</c> in form order, for the error summary (after the contact's own).</summary>
    public static IEnumerable<string> Names(RegisterInput input, IReadOnlyList<WorkshopQuestion> questions) =>
        Enumerable.Range(0, input.Others.Count)
            .SelectMany(i => GroupMemberInput.Names.Concat(questions.Select(QuestionAnswers.Field)).Select(f => $"Others[{i}].{f}"))
            .Prepend("Others")
            .Append("OthersInformed");

    /// <summary>
    /// What the group registration refused, next to the fields: each person's answers (the questions changed while the form
    /// was filled in; returns the page-level message), or too many people (the organiser lowered the limit meanwhile).
    /// </summary>
    public static string? Refused(GroupRegistrationOutcome outcome, ModelStateDictionary modelState, IStringLocalizer l, string language)
    {
        if (outcome.Kind == GroupOutcomeKind.TooManyPeople)
        {
            modelState.AddModelError("Input.Others", l["Yhdellä lomakkeella voi ilmoittaa enintään {0} henkilöä.", outcome.MaxPeople]);
            return null;
        }

        string? message = null;
        for (var i = 0; i < (outcome.Faults?.Count ?? 0); i++)
        {
            if (outcome.Faults![i] is { } faults)
            {
                message = QuestionAnswers.Refused(faults, modelState, l, language, i == 0 ? "Input" : Prefix(i - 1));
            }
        }

        return message;
    }
}

/// <summary>
/// What <c>_GroupMembers</c> renders: the other people's fields of <paramref name="Input"/>, the workshop's questions for each,
/// the "add a person" button while fewer than <paramref name="MaxPeople"/> are on the form, and the privacy confirmation.
/// <paramref name="Focus"/>: the person just added, whose name field takes the focus. Each person gets the needs checklist and
/// free text of their own (issue 26); <paramref name="AsksDiet"/> as in <see cref="RegistrationFields"/>.
/// </summary>
public sealed record GroupFields(RegisterInput Input, bool AsksDiet, IReadOnlyList<WorkshopQuestion> Questions, int MaxPeople, int? Focus);
