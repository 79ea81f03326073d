using Workshops.Web.Domain;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Settings under <c>Funder__…</c>: the funding acknowledgement the site's footer, every email, the poster and the
/// printed sign-in sheet carry. The defaults are the EU's standard co-funding statement (the EU's visibility rules
/// for funded projects: the emblem with the statement) and the project's own ESF line (<c>seeds/facts.md</c>: an
/// ESF-funded project). A project on another programme sets its own words and may turn the EU emblem off.
/// </summary>
public sealed class FunderOptions
{
    public const string Section = "Funder";

    /// <summary>The statement next to the emblem, per language (an empty language falls back to Finnish).</summary>
    public LocalizedText Statement { get; set; } = new()
    {
        Fi = "Euroopan unionin osarahoittama",
        Sv = "Medfinansieras av Europeiska unionen",
        En = "Co-funded by the European Union",
    };

    /// <summary>The project and its programme, per language; empty in every language: no such line.</summary>
    public LocalizedText Programme { get; set; } = new()
    {
        Fi = "Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu ja pilotointi -hanke. Rahoitus: Euroopan sosiaalirahasto (ESR).",
        Sv = "Projektet Förberedelse och pilotering av ett kompetenscenter för sociala innovationer. Finansiering: Europeiska socialfonden (ESF).",
        En = "The project Preparing and piloting a competence centre for social innovation. Funded by the European Social Fund (ESF).",
    };

    /// <summary>Whether the EU emblem (<see cref="EuEmblem"/>) stands before the statement; false for a funder without it.</summary>
    public bool EuEmblem { get; set; } = true;
}
