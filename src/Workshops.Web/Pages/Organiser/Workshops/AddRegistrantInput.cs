using System.ComponentModel.DataAnnotations;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Accessibility;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Pages.Workshops;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The organiser's "add registrant" form: the public form's fields and rules, with messages that speak to the organiser
/// about the person (OrganiserResource keys, in the organiser's language), and the door's overrides (issue 24): no email
/// address (<see cref="NoEmail"/>) and "add anyway" over a full workshop's capacity (<see cref="OverCapacity"/>).
/// </summary>
public sealed class AddRegistrantInput
{
    [Required(ErrorMessage = "Kirjoita henkilön nimi.")]
    [StringLength(Registration.NameMaxLength, ErrorMessage = "Nimi voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Name { get; set; }

    /// <summary>Required unless <see cref="NoEmail"/> (<see cref="CrossFieldProblems"/>).</summary>
    [StringLength(Registration.EmailMaxLength, ErrorMessage = "Sähköpostiosoite voi olla enintään {1} merkkiä pitkä.")]
    [PlainEmail]
    public string? Email { get; set; }

    /// <summary>The person has no email address: recorded with what the form has, no email, no manage link.</summary>
    public bool NoEmail { get; set; }

    [StringLength(Registration.OrganisationMaxLength, ErrorMessage = "Organisaation nimi voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Organisation { get; set; }

    /// <summary>The organisation's type for the funder's count; optional (<see cref="Domain.Funder.OrganisationType"/>).</summary>
    [EnumDataType(typeof(Domain.Funder.OrganisationType), ErrorMessage = "Valitse organisaation tyyppi listasta.")]
    public Domain.Funder.OrganisationType? OrganisationType { get; set; }

    [Required(ErrorMessage = "Valitse henkilön ryhmä.")]
    [EnumDataType(typeof(HelixGroup), ErrorMessage = "Valitse henkilön ryhmä.")]
    public HelixGroup? Group { get; set; }

    /// <summary>The needs ticked on the checklist, as on the public form; values outside <see cref="AccessNeedsSummary.Each"/> fail binding.</summary>
    public List<AccessNeeds> AccessNeeds { get; set; } = [];

    [StringLength(Registration.NeedsMaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? Needs { get; set; }

    [Required(ErrorMessage = "Valitse kieli.")]
    [AllowedValues("fi", "sv", "en", ErrorMessage = "Valitse kieli.")]
    public string? Language { get; set; } = Cultures.Default;

    [Range(typeof(bool), "true", "true", ErrorMessage = "Vahvista, että henkilö on hyväksynyt tietojensa käsittelyn tietosuojaselosteen mukaisesti.")]
    public bool Consent { get; set; }

    /// <summary>"Add anyway": a full workshop confirms the person over its capacity (audited, marked in lists and the report).</summary>
    public bool OverCapacity { get; set; }

    /// <summary>What was posted for each custom question (by question id), read by <see cref="QuestionAnswers"/>, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public Dictionary<int, string[]> Answers { get; set; } = [];

    /// <summary>
    /// The checks across fields, as (field, OrganiserResource key): an address or "no address", not both and not neither.
    /// The page adds them whatever the attributes found, so every error shows at once.
    /// </summary>
    /// <summary>On site or online: a hybrid workshop's choice (the page requires it there); ignored otherwise.</summary>
    public Domain.AttendanceMode? Mode { get; set; }

    public IEnumerable<(string Field, string Message)> CrossFieldProblems()
    {
        var blank = string.IsNullOrWhiteSpace(Email);
        if (blank && !NoEmail)
        {
            yield return (nameof(Email), "Kirjoita henkilön sähköpostiosoite tai valitse, ettei hänellä ole osoitetta.");
        }

        if (!blank && NoEmail)
        {
            yield return (nameof(Email), "Poista sähköpostiosoite tai valinta ”Henkilöllä ei ole sähköpostiosoitetta”.");
        }
    }

    public RegistrationRequest ToRequest(IReadOnlyList<AnswerRequest> answers) =>
        new(Name!, NoEmail ? null : Email, Organisation, Group!.Value, Needs, Language!, answers, AccessNeeds: AccessNeedsSummary.Combine(AccessNeeds), Mode: Mode, OrganisationType: OrganisationType);

    /// <summary>The shared registration fields (<c>_RegistrationFields</c>) show these values (the same <c>Input.</c> names).</summary>
    public RegisterInput ForFields() => new()
    {
        Name = Name,
        Email = Email,
        Organisation = Organisation,
        Mode = Mode,
        OrganisationType = OrganisationType,
        Group = Group,
        AccessNeeds = AccessNeeds,
        Needs = Needs,
        Language = Language,
        Consent = Consent,
        Answers = Answers,
    };
}
