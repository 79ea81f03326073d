using System.ComponentModel.DataAnnotations;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>The results summary form. Messages are OrganiserResource keys.</summary>
public sealed class ResultsInput
{
    [StringLength(WorkshopConfiguration.ResultsMaxLength, ErrorMessage = "Yhteenveto voi olla enintään {1} merkkiä pitkä.")]
    [MultiLineText]
    public string? SummaryFi { get; set; }

    [StringLength(WorkshopConfiguration.ResultsMaxLength, ErrorMessage = "Yhteenveto voi olla enintään {1} merkkiä pitkä.")]
    [MultiLineText]
    public string? SummarySv { get; set; }

    [StringLength(WorkshopConfiguration.ResultsMaxLength, ErrorMessage = "Yhteenveto voi olla enintään {1} merkkiä pitkä.")]
    [MultiLineText]
    public string? SummaryEn { get; set; }

    public bool Publish { get; set; }

    public static ResultsInput From(Workshop w) => new()
    {
        SummaryFi = w.Results.Summary.Fi,
        SummarySv = w.Results.Summary.Sv,
        SummaryEn = w.Results.Summary.En,
        Publish = w.Results.Published,
    };

    public LocalizedText ToSummary() => new() { Fi = SummaryFi ?? "", Sv = SummarySv ?? "", En = SummaryEn ?? "" };
}

/// <summary>An outside recipient to add to a workshop's list: a name, an address validated like a registrant's, and the messages' language.</summary>
public sealed class RecipientInput
{
    [Required(ErrorMessage = "Kirjoita vastaanottajan nimi.")]
    [StringLength(OutsideRecipient.NameMaxLength, ErrorMessage = "Nimi voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Kirjoita vastaanottajan sähköpostiosoite.")]
    [StringLength(OutsideRecipient.EmailMaxLength, ErrorMessage = "Sähköpostiosoite voi olla enintään {1} merkkiä pitkä.")]
    [PlainEmail]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Valitse kieli.")]
    [AllowedValues("fi", "sv", "en", ErrorMessage = "Valitse kieli.")]
    public string? Language { get; set; } = "fi";
}
