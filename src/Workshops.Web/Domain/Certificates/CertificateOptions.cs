namespace Workshops.Web.Domain.Certificates;

/// <summary>Settings under <c>Certificates__…</c> (docs/configuration.md).</summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";

    /// <summary>
    /// Years after the workshop's day that a certificate (the holder's name, the workshop, the code) stays verifiable;
    /// then the retention purge deletes it. Five years: long enough for a job application or a study credit, and past the
    /// end of the ESF programme period's usual audit window; the privacy notice says the same.
    /// </summary>
    public int RetentionYears { get; set; } = 5;

    /// <summary>Who organised the workshops, as the certificate names them, per language (an empty language falls back to Finnish).</summary>
    public LocalizedText Organiser { get; set; } = new()
    {
        Fi = "Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu ja pilotointi -hanke",
        Sv = "Projektet Förberedelse och pilotering av ett kompetenscenter för sociala innovationer",
        En = "The project Preparing and piloting a competence centre for social innovation",
    };
}
