using Workshops.Web.Domain;
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
        _ => "Toteutustapa tarkentuu",
    };

    public static string Audience(Audience audience) => audience switch
    {
        Domain.Audience.MunicipalActors => "Kuntatoimijat",
        Domain.Audience.Citizens => "Kansalaiset",
        Domain.Audience.HigherEducationAndCompanies => "Korkeakoulut ja yritykset",
        Domain.Audience.SocialEnterprises => "Yhteiskunnalliset yritykset",
        Domain.Audience.NotStated => "Kohderyhmää ei ole kerrottu",
        _ => "Kaikille avoin",
    };

    public static string Group(HelixGroup group) => group switch
    {
        HelixGroup.Municipal => "Kunta tai muu julkinen toimija",
        HelixGroup.Citizen => "Kansalainen tai järjestö",
        HelixGroup.HigherEducationOrCompany => "Korkeakoulu tai yritys",
        HelixGroup.SocialEnterprise => "Yhteiskunnallinen yritys",
        _ => "Muu",
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
