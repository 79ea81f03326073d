using Workshops.Web.Domain;
using Workshops.Web.Domain.Accessibility;
using Workshops.Web.Domain.Feedback;

namespace Workshops.Web.Localization;

/// <summary>The Finnish resource key for each value shown to people; views pass it through the localizer.</summary>
public static class Labels
{
    public static string Format(WorkshopFormat format) => format switch
    {
        WorkshopFormat.InPerson => "Lähitapahtuma",
        WorkshopFormat.Online => "Verkkotapahtuma",
        WorkshopFormat.WalkIn => "Vapaa pistäytyminen",
        WorkshopFormat.Hybrid => "Hybriditapahtuma (paikan päällä ja verkossa)",
        _ => "Toteutustapa tarkentuu",
    };

    /// <summary>How one person attends (a hybrid workshop's choice).</summary>
    public static string Mode(AttendanceMode mode) => mode == AttendanceMode.Online ? "Verkossa" : "Paikan päällä";

    public static string Audience(Audience audience) => audience switch
    {
        Domain.Audience.MunicipalActors => "Kuntatoimijat",
        Domain.Audience.Citizens => "Kansalaiset",
        Domain.Audience.HigherEducationAndCompanies => "Korkeakoulut ja yritykset",
        Domain.Audience.SocialEnterprises => "Yhteiskunnalliset yritykset",
        Domain.Audience.NotStated => "Kohderyhmää ei ole kerrottu",
        _ => "Kaikille avoin",
    };

    /// <summary>One need of the registration form's checklist.</summary>
    public static string Need(AccessNeeds need) => need switch
    {
        AccessNeeds.Captions => "Tekstitys",
        AccessNeeds.SignLanguage => "Viittomakielen tulkkaus",
        AccessNeeds.InductionLoop => "Induktiosilmukka",
        AccessNeeds.StepFreeAccess => "Esteetön kulku",
        AccessNeeds.Assistant => "Avustaja tulee mukaani",
        AccessNeeds.PlainLanguage => "Selkokieliset materiaalit",
        AccessNeeds.Diet => "Erityisruokavalio",
        _ => "Muu",
    };

    /// <summary>One arrangement of a workshop's accessibility block.</summary>
    public static string Arrangement(Arrangement arrangement) => arrangement switch
    {
        Domain.Accessibility.Arrangement.StepFreeAccess => "Esteetön kulku",
        Domain.Accessibility.Arrangement.InductionLoop => "Induktiosilmukka",
        Domain.Accessibility.Arrangement.Captions => "Tekstitys",
        Domain.Accessibility.Arrangement.SignLanguage => "Viittomakielen tulkkaus",
        Domain.Accessibility.Arrangement.PlainLanguage => "Selkokieliset materiaalit",
        Domain.Accessibility.Arrangement.QuietSpace => "Hiljainen tila",
        _ => "Avustaja pääsee maksutta",
    };

    /// <summary>What the organiser said about an arrangement; nothing said reads as "not yet known".</summary>
    public static string ArrangementStatus(ArrangementStatus status) => status switch
    {
        Domain.Accessibility.ArrangementStatus.Yes => "Kyllä",
        Domain.Accessibility.ArrangementStatus.No => "Ei",
        _ => "Ei vielä tiedossa – kysy yhteyshenkilöltä",
    };

    public static string Group(HelixGroup group) => group switch
    {
        HelixGroup.Municipal => "Kunta tai muu julkinen toimija",
        HelixGroup.Citizen => "Kansalainen tai järjestö",
        HelixGroup.HigherEducationOrCompany => "Korkeakoulu tai yritys",
        HelixGroup.SocialEnterprise => "Yhteiskunnallinen yritys",
        _ => "Muu",
    };

    /// <summary>The type of an organisation, as the funder counts them (issue 26).</summary>
    public static string OrganisationType(Domain.Funder.OrganisationType type) => type switch
    {
        Domain.Funder.OrganisationType.PublicBody => "Julkinen toimija",
        Domain.Funder.OrganisationType.Company => "Yritys",
        Domain.Funder.OrganisationType.SocialEnterprise => "Yhteiskunnallinen yritys",
        Domain.Funder.OrganisationType.UniversityOrCollege => "Korkeakoulu tai oppilaitos",
        Domain.Funder.OrganisationType.Association => "Yhdistys tai järjestö",
        _ => "Muu organisaatio",
    };

    /// <summary>A workshop's kind in the funder's terms (issue 26).</summary>
    public static string ActivityKind(Domain.Funder.ActivityKind kind) => kind switch
    {
        Domain.Funder.ActivityKind.OpenEvent => "Avoin tilaisuus",
        _ => "Osallistujatoiminta",
    };

    public static string ComeAgain(ComeAgain answer) => answer switch
    {
        Domain.Feedback.ComeAgain.Yes => "Kyllä",
        Domain.Feedback.ComeAgain.No => "En",
        _ => "Ehkä",
    };

    public static string Language(string language) => language switch
    {
        "sv" => "Svenska",
        "en" => "English",
        _ => "Suomi",
    };
}
