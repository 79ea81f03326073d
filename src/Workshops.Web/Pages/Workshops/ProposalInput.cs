using System.ComponentModel.DataAnnotations;
using Workshops.Web.Domain;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// What the ideas wall's form posts (the workshop page and the stand page). Anonymous by default: the consent is asked
/// for only when a name or an organisation is given, because only then is the proposal personal data
/// (<see cref="NeedsConsent"/>; the page adds that message and the theme's, localized). Messages are Finnish resource keys.
/// One submission is one proposal: the form carries its key (<see cref="IKeyedForm"/>).
/// </summary>
public sealed class ProposalInput : IKeyedForm
{
    public string? FormKey { get; set; } = KeyedFormExtensions.NewKey();

    [Required(ErrorMessage = "Kirjoita toiveesi tai ehdotuksesi.")]
    [StringLength(Proposal.TextMaxLength, ErrorMessage = "Ehdotus voi olla enintään {1} merkkiä pitkä.")]
    [MultiLineText]
    public string? Text { get; set; }

    [StringLength(Proposal.ThemeMaxLength, ErrorMessage = "Valitse teema listasta.")]
    public string? Theme { get; set; }

    [StringLength(Proposal.NameMaxLength, ErrorMessage = "Nimi voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Name { get; set; }

    [StringLength(Proposal.OrganisationMaxLength, ErrorMessage = "Organisaation nimi voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Organisation { get; set; }

    /// <summary>Show the name with the proposal on public pages (only with a name).</summary>
    public bool ShowName { get; set; }

    [EnumDataType(typeof(HelixGroup), ErrorMessage = "Valitse, mitä ryhmää edustat.")]
    public HelixGroup? Group { get; set; }

    public bool Consent { get; set; }

    /// <summary>A honeypot: hidden from people, filled in by form-filling bots.</summary>
    public string? Website { get; set; }

    public bool LooksLikeABot => !string.IsNullOrEmpty(Website);

    /// <summary>The request in <paramref name="language"/> (the page's, fi/sv/en).</summary>
    public ProposalRequest ToRequest(string language) =>
        new(Text!, string.IsNullOrWhiteSpace(Theme) ? null : Theme, Name, Organisation, ShowName, Group, language);

    /// <summary>Only a name or an organisation makes the proposal personal data: then the consent is needed.</summary>
    public bool NeedsConsent => !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Organisation);

    /// <summary>No theme, or one of <paramref name="themes"/> (a stale or forged form otherwise).</summary>
    public bool ThemeIsOneOf(IReadOnlyList<ProposalTheme> themes) =>
        string.IsNullOrWhiteSpace(Theme) || themes.Any(t => t.Key == Theme);
}
