using System.ComponentModel.DataAnnotations;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Accessibility;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Workshops;

/// <summary>What the registration form posts. Messages are Finnish resource keys.</summary>
public sealed class RegisterInput
{
    [Required(ErrorMessage = "Kirjoita nimesi.")]
    [StringLength(Registration.NameMaxLength, ErrorMessage = "Nimi voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Kirjoita sähköpostiosoitteesi.")]
    [StringLength(Registration.EmailMaxLength, ErrorMessage = "Sähköpostiosoite voi olla enintään {1} merkkiä pitkä.")]
    [PlainEmail]
    public string? Email { get; set; }

    [StringLength(Registration.OrganisationMaxLength, ErrorMessage = "Organisaation nimi voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Organisation { get; set; }

    /// <summary>On site or online: asked (and required, by the page) only on a hybrid workshop's form; otherwise ignored.</summary>
    public AttendanceMode? Mode { get; set; }

    /// <summary>The organisation's type for the funder's count; optional (<see cref="Domain.Funder.OrganisationType"/>).</summary>
    [EnumDataType(typeof(Domain.Funder.OrganisationType), ErrorMessage = "Valitse organisaation tyyppi listasta.")]
    public Domain.Funder.OrganisationType? OrganisationType { get; set; }

    [Required(ErrorMessage = "Valitse, mitä ryhmää edustat.")]
    [EnumDataType(typeof(HelixGroup), ErrorMessage = "Valitse, mitä ryhmää edustat.")]
    public HelixGroup? Group { get; set; }

    /// <summary>The needs ticked on the checklist; values outside <see cref="AccessNeedsSummary.Each"/> fail binding.</summary>
    public List<AccessNeeds> AccessNeeds { get; set; } = [];

    [StringLength(Registration.NeedsMaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? Needs { get; set; }

    [Required(ErrorMessage = "Valitse kieli.")]
    [AllowedValues("fi", "sv", "en", ErrorMessage = "Valitse kieli.")]
    public string? Language { get; set; } = Cultures.Default;

    [Range(typeof(bool), "true", "true", ErrorMessage = "Ilmoittautuminen edellyttää, että hyväksyt tietojesi käsittelyn.")]
    public bool Consent { get; set; }

    /// <summary>A honeypot: hidden from people, filled in by form-filling bots.</summary>
    public string? Website { get; set; }

    /// <summary>
    /// The other people the contact registers on the same form (a group, issue 24), in the order given; empty for oneself
    /// alone. At most the workshop's <see cref="GroupSettings.MaxPeople"/> minus one.
    /// </summary>
    public List<GroupMemberInput> Others { get; set; } = [];

    /// <summary>The contact confirms that each person they register has been told of the privacy notice (required with others).</summary>
    public bool OthersInformed { get; set; }

    /// <summary>What was posted for each custom question (by question id), read by <see cref="QuestionAnswers"/>, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public Dictionary<int, string[]> Answers { get; set; } = [];

    public bool LooksLikeABot => !string.IsNullOrEmpty(Website);

    public RegistrationRequest ToRequest(IReadOnlyList<AnswerRequest>? answers = null) =>
        new(Name!, Email!, Organisation, Group!.Value, Needs, Language!, answers, AccessNeeds: AccessNeedsSummary.Combine(AccessNeeds), Mode: Mode, OrganisationType: OrganisationType);

    /// <summary>The correctable part (<see cref="Shared.RegistrationFields.CorrectableNames"/>), once those fields are valid.</summary>
    public RegistrantDetails ToDetails() => new(Name!, Organisation, Group!.Value, Needs, AccessNeedsSummary.Combine(AccessNeeds), OrganisationType);

    /// <summary>The form filled in with what is stored, for the person to correct.</summary>
    public static RegisterInput From(Registration registration) => new()
    {
        Name = registration.Name,
        Organisation = registration.Organisation,
        OrganisationType = registration.OrganisationType,
        Group = registration.Group,
        Needs = registration.Needs,
        AccessNeeds = [.. AccessNeedsSummary.Split(registration.AccessNeeds)],
        Language = registration.Language,
    };
}
