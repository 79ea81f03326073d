using Workshops.Web.Pages.Workshops;

namespace Workshops.Web.Pages.Shared;

/// <summary>
/// The registration form's fields (<c>_RegistrationFields</c>), shared by the public form and the organiser's
/// "add registrant": the same input, the same per-field errors. <c>asp-for="Input.…"</c> names them as the
/// pages bind them.
/// </summary>
public sealed record RegistrationFields(RegisterInput Input, bool AsksForNeeds, bool ByOrganiser)
{
    /// <summary>The fields in form order, for the error summary.</summary>
    public static readonly string[] Names = ["Name", "Email", "Organisation", "Group", "Needs", "Language", "Consent"];
}
