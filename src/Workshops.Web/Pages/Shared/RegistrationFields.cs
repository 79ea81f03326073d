using Workshops.Web.Domain.Questions;
using Workshops.Web.Pages.Workshops;

namespace Workshops.Web.Pages.Shared;

/// <summary>
/// The registration form's fields (<c>_RegistrationFields</c>), shared by the public form and the organiser's
/// "add registrant": the same input, the same per-field errors. <c>asp-for="Input.…"</c> names them as the
/// pages bind them; the workshop's custom questions (<paramref name="Questions"/>) come after the needs field.
/// Every format asks for needs (issue 26, online included); <paramref name="AsksDiet"/>: the checklist offers a special
/// diet, which only a workshop on site can serve.
/// <paramref name="Correcting"/>: the person's own correction form, which shows only
/// <see cref="CorrectableNames"/> and the questions (the email address is the registration's identity; consent was given once).
/// <paramref name="Kept"/>: on the correction form, the person's answers the form cannot show (an archived option), as
/// text by question id (<see cref="WorkshopQuestion.Unshown"/>), each said to be kept under its question.
/// <paramref name="NoEmail"/>: set on the organiser's form only, which offers "the person has no email address" under the
/// address (<c>Input.NoEmail</c>), checked when true.
/// <paramref name="Modes"/>: a hybrid workshop's seats per mode; the form then asks on site or online (<c>Input.Mode</c>).
/// </summary>
public sealed record RegistrationFields(
    RegisterInput Input, bool AsksDiet, bool ByOrganiser, IReadOnlyList<WorkshopQuestion>? Questions = null, bool Correcting = false,
    IReadOnlyDictionary<int, string>? Kept = null, bool? NoEmail = null, Domain.Registrations.Availability? Modes = null)
{
    /// <summary>The built-in fields in form order, for the error summary.</summary>
    public static readonly string[] Names = ["Name", "Email", "Organisation", "OrganisationType", "Mode", "Group", "AccessNeeds", "Needs", "Language", "Consent"];

    /// <summary>The fields a person corrects on their own page, in form order.</summary>
    public static readonly string[] CorrectableNames = ["Name", "Organisation", "OrganisationType", "Group", "AccessNeeds", "Needs"];

    /// <summary>
    /// True when none of <paramref name="fields"/> (under <c>Input.</c>) failed validation: a form that binds the whole
    /// <see cref="RegisterInput"/> but shows only some fields is judged by those, with the same rules and messages.
    /// </summary>
    public static bool AreValid(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IEnumerable<string> fields) =>
        fields.All(f => modelState.GetFieldValidationState($"Input.{f}") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid);

    /// <summary>The fields of the correction form in form order, the custom questions included.</summary>
    public static IEnumerable<string> CorrectableNamesWith(IEnumerable<WorkshopQuestion> questions) =>
        [.. CorrectableNames, .. questions.Select(QuestionAnswers.Field)];

    /// <summary>Every field in form order, the custom questions included, for the error summary.</summary>
    public static IEnumerable<string> NamesWith(IEnumerable<WorkshopQuestion> questions) =>
        [.. Names[..7], .. questions.Select(QuestionAnswers.Field), .. Names[7..]];
}

/// <summary>
/// The custom questions' fields (<c>_QuestionFields</c>) under <paramref name="Prefix"/>: <c>Input</c> for the person filling
/// in the form, <c>Input.Others[1]</c> for another person of a group; <paramref name="Answers"/> are what was posted, by question id;
/// <paramref name="Kept"/> as in <see cref="RegistrationFields"/> (the correction form only).
/// </summary>
public sealed record QuestionFieldSet(
    string Prefix, IReadOnlyList<WorkshopQuestion>? Questions, IReadOnlyDictionary<int, string[]> Answers, bool ByOrganiser,
    IReadOnlyDictionary<int, string>? Kept = null);
