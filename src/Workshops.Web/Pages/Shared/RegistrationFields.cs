using Workshops.Web.Domain;
using Workshops.Web.Pages.Workshops;

namespace Workshops.Web.Pages.Shared;

/// <summary>
/// The registration form's fields (<c>_RegistrationFields</c>), shared by the public form and the organiser's
/// "add registrant": the same input, the same per-field errors. <c>asp-for="Input.…"</c> names them as the
/// pages bind them; the workshop's custom questions (<paramref name="Questions"/>) come after the needs field.
/// </summary>
public sealed record RegistrationFields(RegisterInput Input, bool AsksForNeeds, bool ByOrganiser, IReadOnlyList<WorkshopQuestion>? Questions = null)
{
    /// <summary>The built-in fields in form order, for the error summary.</summary>
    public static readonly string[] Names = ["Name", "Email", "Organisation", "Group", "Needs", "Language", "Consent"];

    /// <summary>Every field in form order, the custom questions included, for the error summary.</summary>
    public static IEnumerable<string> NamesWith(IEnumerable<WorkshopQuestion> questions) =>
        [.. Names[..5], .. questions.Select(QuestionAnswers.Field), .. Names[5..]];
}
