using System.ComponentModel.DataAnnotations;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Accessibility;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// One more person on a group's registration form (<c>Input.Others[i]</c>): the same fields and rules as the contact's own,
/// with messages that speak of "the person" rather than "you". Messages are Finnish resource keys.
/// </summary>
public sealed class GroupMemberInput
{
    [Required(ErrorMessage = "Kirjoita henkilön nimi.")]
    [StringLength(Registration.NameMaxLength, ErrorMessage = "Nimi voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Kirjoita henkilön sähköpostiosoite: vahvistus ja oma linkki lähtevät sinne.")]
    [StringLength(Registration.EmailMaxLength, ErrorMessage = "Sähköpostiosoite voi olla enintään {1} merkkiä pitkä.")]
    [PlainEmail]
    public string? Email { get; set; }

    [StringLength(Registration.OrganisationMaxLength, ErrorMessage = "Organisaation nimi voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Organisation { get; set; }

    [Required(ErrorMessage = "Valitse, mitä ryhmää henkilö edustaa.")]
    [EnumDataType(typeof(HelixGroup), ErrorMessage = "Valitse, mitä ryhmää henkilö edustaa.")]
    public HelixGroup? Group { get; set; }

    /// <summary>The needs ticked on this person's checklist, as on the contact's own; values outside <see cref="AccessNeedsSummary.Each"/> fail binding.</summary>
    public List<AccessNeeds> AccessNeeds { get; set; } = [];

    [StringLength(Registration.NeedsMaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? Needs { get; set; }

    /// <summary>What was posted for each custom question (by question id), read by <see cref="QuestionAnswers"/>, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public Dictionary<int, string[]> Answers { get; set; } = [];

    /// <summary>The built-in fields in form order (under <c>Input.Others[i].</c>), for the error summary.</summary>
    public static readonly string[] Names = ["Name", "Email", "Organisation", "Group", "AccessNeeds", "Needs"];

    /// <summary>The person's registration request, in the contact's language (the group's messages go out in it).</summary>
    public RegistrationRequest ToRequest(string language, IReadOnlyList<AnswerRequest> answers) =>
        new(Name!, Email!, Organisation, Group!.Value, Needs, language, answers, AccessNeeds: AccessNeedsSummary.Combine(AccessNeeds));
}
