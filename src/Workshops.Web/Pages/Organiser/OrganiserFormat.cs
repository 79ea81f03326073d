using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Organiser;

/// <summary>How the organiser pages write workshops, statuses and times. Returned labels are OrganiserResource keys.</summary>
public static class OrganiserFormat
{
    /// <summary>The "when" line as true at the lifecycle's moment (<see cref="Formats.When(WorkshopLifecycle, string)"/>).</summary>
    public static string When(WorkshopLifecycle life, string language) => Formats.When(life, language);

    /// <summary>Where the workshop is in its life, for the lists: an upcoming one by its registration status.</summary>
    public static string Stage(WorkshopLifecycle life) => life.Stage switch
    {
        WorkshopStage.Draft or WorkshopStage.Upcoming => Status(life.Workshop.Status),
        WorkshopStage.UnderWay => "Käynnissä",
        WorkshopStage.Held => "Pidetty",
        WorkshopStage.ResultsPublished => "Pidetty, tulokset julkaistu",
        _ => "Peruttu",
    };

    public static string Status(WorkshopStatus status) => status switch
    {
        WorkshopStatus.Open => "Ilmoittautuminen auki",
        WorkshopStatus.Closed => "Ilmoittautuminen suljettu",
        _ => "Peruttu",
    };

    public static string Status(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "Vahvistettu",
        RegistrationStatus.Waitlisted => "Jonossa",
        _ => "Peruttu",
    };

    /// <summary>A custom question's kind, in Finnish (the resource key).</summary>
    public static string Kind(QuestionKind kind) => kind switch
    {
        QuestionKind.ShortText => "Lyhyt teksti",
        QuestionKind.LongText => "Pitkä teksti",
        QuestionKind.OneChoice => "Yksi vaihtoehto",
        QuestionKind.SeveralChoices => "Useita vaihtoehtoja",
        _ => "Kyllä tai ei",
    };

    /// <summary>Local Helsinki time of a UTC moment, as the organisers read it.</summary>
    public static string Local(DateTime? utc) => LocalTime(utc) is { } local ? Text(local) : "";

    /// <summary>Local Helsinki wall-clock time of a UTC moment (Kind Unspecified): a real date cell in a spreadsheet.</summary>
    public static DateTime? LocalTime(DateTime? utc) => utc is { } value
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), HelsinkiTime.Zone)
        : null;

    /// <summary>"14.05": the local clock time of a UTC moment (an arrival on the day), or "" for none.</summary>
    public static string Clock(DateTime? utc) => LocalTime(utc) is { } local ? local.ToString("H.mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>"27.11.2026 12.00": a local time as text (lists, CSV).</summary>
    public static string Text(DateTime local) => local.ToString("d.M.yyyy H.mm", System.Globalization.CultureInfo.InvariantCulture);
}
