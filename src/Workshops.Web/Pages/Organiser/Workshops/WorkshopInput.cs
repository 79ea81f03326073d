using System.ComponentModel.DataAnnotations;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Funder;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>The workshop form (create and edit). Messages are OrganiserResource keys.</summary>
public sealed class WorkshopInput
{
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Käytä osoitteessa vain pieniä kirjaimia a–z, numeroita ja väliviivoja.")]
    [StringLength(100, ErrorMessage = "Osoite voi olla enintään {1} merkkiä pitkä.")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Kirjoita otsikko suomeksi.")]
    [StringLength(300, ErrorMessage = "Otsikko voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? TitleFi { get; set; }

    [StringLength(300, ErrorMessage = "Otsikko voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? TitleSv { get; set; }

    [StringLength(300, ErrorMessage = "Otsikko voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? TitleEn { get; set; }

    [Required(ErrorMessage = "Kirjoita kuvaus suomeksi.")]
    [StringLength(8000, ErrorMessage = "Kuvaus voi olla enintään {1} merkkiä pitkä.")]
    public string? DescriptionFi { get; set; }

    [StringLength(8000, ErrorMessage = "Kuvaus voi olla enintään {1} merkkiä pitkä.")]
    public string? DescriptionSv { get; set; }

    [StringLength(8000, ErrorMessage = "Kuvaus voi olla enintään {1} merkkiä pitkä.")]
    public string? DescriptionEn { get; set; }

    [Required(ErrorMessage = "Valitse päivä.")]
    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }

    [EnumDataType(typeof(WorkshopFormat), ErrorMessage = "Valitse toteutustapa.")]
    public WorkshopFormat Format { get; set; }

    [EnumDataType(typeof(Audience), ErrorMessage = "Valitse kohderyhmä.")]
    public Audience Audience { get; set; }

    [StringLength(300, ErrorMessage = "Paikka voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Place { get; set; }

    [StringLength(300, ErrorMessage = "Paikka voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? PlaceSv { get; set; }

    [StringLength(300, ErrorMessage = "Paikka voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? PlaceEn { get; set; }

    [StringLength(2000, ErrorMessage = "Linkki voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? OnlineJoinUrl { get; set; }

    [Range(0, 100000, ErrorMessage = "Paikkojen määrän pitää olla 0–100000, tai jätä kenttä tyhjäksi (rajaton).")]
    public int? Capacity { get; set; }

    /// <summary>A hybrid workshop's online seats (null = unlimited); <see cref="Capacity"/> is then the on-site seats.</summary>
    [Range(0, 100000, ErrorMessage = "Paikkojen määrän pitää olla 0–100000, tai jätä kenttä tyhjäksi (rajaton).")]
    public int? OnlineCapacity { get; set; }

    public DateTime? RegistrationDeadline { get; set; }

    public bool RegistrationRequired { get; set; } = true;

    public bool RemindersEnabled { get; set; } = true;

    /// <summary>A freed seat is offered to the first person waiting for <see cref="OfferHours"/> (false: confirmed at once).</summary>
    public bool OffersEnabled { get; set; }

    [Range(1, OfferSettings.MaxHours, ErrorMessage = "Anna vastausaika tunteina väliltä 1–168.")]
    public int OfferHours { get; set; } = OfferSettings.DefaultHours;

    [Range(1, GroupSettings.Limit, ErrorMessage = "Anna henkilöiden enimmäismäärä väliltä 1–20.")]
    public int MaxGroupSize { get; set; } = GroupSettings.DefaultMaxPeople;

    /// <summary>Participant activity or open event for the funder; null follows the format (<see cref="FunderReporting.DefaultKind"/>).</summary>
    [EnumDataType(typeof(ActivityKind), ErrorMessage = "Valitse osallistujatoiminta tai avoin tilaisuus.")]
    public ActivityKind? ActivityKind { get; set; }

    /// <summary>Days after the workshop its people's data is kept; null keeps the site's setting (Privacy__RetentionDays).</summary>
    [Range(1, FunderReporting.MaxRetentionDays, ErrorMessage = "Anna säilytysaika päivinä väliltä 1–11000, tai jätä tyhjäksi.")]
    public int? RetentionDays { get; set; }

    /// <summary>The ideas wall: anyone may leave proposals on the workshop page and the stand page.</summary>
    public bool ProposalsEnabled { get; set; }

    /// <summary>Approved proposals are listed on the public workshop page.</summary>
    public bool ProposalsPublic { get; set; }

    [StringLength(2000, ErrorMessage = "Teemat voivat olla yhteensä enintään {1} merkkiä pitkät.")]
    [MultiLineText]
    public string? ThemesFi { get; set; }

    [StringLength(2000, ErrorMessage = "Teemat voivat olla yhteensä enintään {1} merkkiä pitkät.")]
    [MultiLineText]
    public string? ThemesSv { get; set; }

    [StringLength(2000, ErrorMessage = "Teemat voivat olla yhteensä enintään {1} merkkiä pitkät.")]
    [MultiLineText]
    public string? ThemesEn { get; set; }

    public static WorkshopInput From(Workshop w) => new()
    {
        Slug = w.Slug,
        TitleFi = w.Title.Fi,
        TitleSv = w.Title.Sv,
        TitleEn = w.Title.En,
        DescriptionFi = w.Description.Fi,
        DescriptionSv = w.Description.Sv,
        DescriptionEn = w.Description.En,
        Date = w.Date,
        StartTime = w.StartTime,
        EndTime = w.EndTime,
        Format = w.Format,
        Audience = w.Audience,
        Place = w.Place,
        PlaceSv = w.PlaceSv,
        PlaceEn = w.PlaceEn,
        OnlineJoinUrl = w.OnlineJoinUrl,
        Capacity = w.Capacity,
        OnlineCapacity = w.Hybrid.OnlineCapacity,
        RegistrationDeadline = w.RegistrationDeadline,
        RegistrationRequired = w.RegistrationRequired,
        RemindersEnabled = w.Reminders.Enabled,
        OffersEnabled = w.Offers.Enabled,
        OfferHours = w.Offers.Hours,
        MaxGroupSize = w.Groups.MaxPeople,
        ActivityKind = w.Funder.Kind,
        RetentionDays = w.Funder.RetentionDays,
        ProposalsEnabled = w.IdeasWall.Enabled,
        ProposalsPublic = w.IdeasWall.Public,
        ThemesFi = w.IdeasWall.Themes.Fi,
        ThemesSv = w.IdeasWall.Themes.Sv,
        ThemesEn = w.IdeasWall.Themes.En,
    };

    public WorkshopDetails ToDetails(string slug) => new(
        slug,
        new LocalizedText { Fi = TitleFi!.Trim(), Sv = TitleSv?.Trim() ?? "", En = TitleEn?.Trim() ?? "" },
        new LocalizedText { Fi = DescriptionFi!.Trim(), Sv = DescriptionSv?.Trim() ?? "", En = DescriptionEn?.Trim() ?? "" },
        Date!.Value,
        StartTime,
        EndTime,
        Format,
        Audience,
        string.IsNullOrWhiteSpace(Place) ? null : Place.Trim(),
        string.IsNullOrWhiteSpace(OnlineJoinUrl) ? null : OnlineJoinUrl.Trim(),
        Capacity,
        RegistrationDeadline,
        RegistrationRequired && Format != WorkshopFormat.WalkIn,
        PlaceSv,
        PlaceEn,
        RemindersEnabled,
        new ProposalSettings(ProposalsEnabled, ProposalsPublic, new LocalizedText { Fi = ThemesFi ?? "", Sv = ThemesSv ?? "", En = ThemesEn ?? "" }),
        new OfferSettings { Enabled = OffersEnabled, Hours = OfferHours },
        MaxGroupSize,
        OnlineCapacity,
        FunderReporting.Of(ActivityKind, RetentionDays));

    /// <summary>
    /// The checks across fields. The page adds them whatever the attribute checks found, so every error shows at once
    /// (MVC runs <c>IValidatableObject.Validate</c> only after every attribute passed: errors came one round at a time).
    /// </summary>
    public IEnumerable<ValidationResult> CrossFieldProblems()
    {
        if ((ThemesFi ?? "").Split('\n').Any(line => line.Trim().Length > Proposal.ThemeMaxLength))
        {
            yield return new ValidationResult("Yksi teema voi olla enintään 200 merkkiä pitkä.", [nameof(ThemesFi)]);
        }

        if (EndTime is not null && StartTime is null)
        {
            yield return new ValidationResult("Anna alkamisaika, jos annat päättymisajan.", [nameof(StartTime)]);
        }

        if (EndTime is { } end && StartTime is { } start && end <= start)
        {
            yield return new ValidationResult("Päättymisajan pitää olla alkamisajan jälkeen.", [nameof(EndTime)]);
        }

        if (!string.IsNullOrWhiteSpace(OnlineJoinUrl)
            && (!Uri.TryCreate(OnlineJoinUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult("Anna liittymislinkki kokonaisena https://-osoitteena.", [nameof(OnlineJoinUrl)]);
        }

        // Registration closes at the start whatever the deadline says (WorkshopLifecycle): a later deadline would only mislead.
        if (RegistrationDeadline is { } deadline && Date is { } date && deadline > WorkshopLifecycle.LocalStartOf(date, StartTime))
        {
            yield return new ValidationResult("Ilmoittautumisen takaraja ei voi olla työpajan alun jälkeen: ilmoittautuminen päättyy viimeistään, kun työpaja alkaa (ilman kellonaikaa klo 0.00).", [nameof(RegistrationDeadline)]);
        }
    }
}
