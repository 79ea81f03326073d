using Workshops.Web.Domain;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Settings under <c>Funder__…</c>: the funding acknowledgement the site's footer, every email, the poster and the
/// printed sign-in sheet carry. The defaults are the EU's standard co-funding statement (the EU's visibility rules
/// for funded projects: the emblem with the statement) and the project's own ESF line (<c>seeds/facts.md</c>: an
/// ESF-funded project). A project on another programme sets its own words and may turn the EU emblem off. Also the
/// funder's self-entry link that participants of participant activities are sent after the workshop (issue 26, docs/funder.md).
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

    /// <summary>
    /// The address of the funder's self-entry service, sent once to each person on a participant activity's roster after
    /// the workshop (<c>Funder__SelfEntryUrl</c>, absolute http(s)). None: no self-entry email is sent, and the roster page says so.
    /// </summary>
    public string? SelfEntryUrl { get; set; }

    /// <summary>How often the self-entry scan looks for ended workshops (<c>Funder__ScanInterval</c>; default 15 minutes).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The configured self-entry address, or null when it is blank or not an absolute http(s) address.</summary>
    public Uri? SelfEntry =>
        Uri.TryCreate(SelfEntryUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;
}
