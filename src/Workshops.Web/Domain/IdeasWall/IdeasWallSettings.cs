namespace Workshops.Web.Domain.IdeasWall;

/// <summary>
/// The ideas wall of a workshop: whether anyone may leave proposals, whether approved ones are shown on the public page,
/// and the themes to pick from (one per line in each language; the lines match by position, Finnish is the key).
/// </summary>
public sealed record ProposalSettings(bool Enabled, bool ShowApproved, LocalizedText Themes);

/// <summary>One theme of the ideas wall: <paramref name="Key"/> is the Finnish name (stored with a proposal), <paramref name="Label"/> the reader's.</summary>
public sealed record ProposalTheme(string Key, string Label);

/// <summary>
/// A workshop's ideas wall as stored with it (a complex type: columns of the workshop's row): whether anyone may leave
/// proposals, whether approved ones are listed on the public page, and the themes to pick from. Replaced as a whole by
/// <see cref="Workshops.Workshop.ChangeProposalSettings"/>, never mutated in place.
/// </summary>
public sealed class IdeasWallSettings
{
    /// <summary>Anyone may leave a proposal on the workshop page and its stand page.</summary>
    public bool Enabled { get; set; }

    /// <summary>Approved proposals are listed on the public workshop page (names only where the person chose so).</summary>
    public bool Public { get; set; }

    /// <summary>The themes, one per line in each language (the lines match by position); empty = no themes.</summary>
    public LocalizedText Themes { get; set; } = new();

    /// <summary>The themes in <paramref name="language"/>: the Finnish line is the key, the same line in the language its label (Finnish when missing).</summary>
    public IReadOnlyList<ProposalTheme> ThemesFor(string language)
    {
        var keys = Themes.Fi.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var labels = (language switch { "sv" => Themes.Sv, "en" => Themes.En, _ => Themes.Fi })
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return keys.Select((key, i) => new ProposalTheme(key, i < labels.Length ? labels[i] : key)).ToList();
    }

    /// <summary>The label of a stored theme key in <paramref name="language"/>; the key itself when the theme was since renamed.</summary>
    public string? ThemeLabel(string? key, string language) =>
        key is null ? null : ThemesFor(language).FirstOrDefault(t => t.Key == key)?.Label ?? key;

    /// <summary>The settings as the organiser's form gives them: blank theme lines dropped, each trimmed.</summary>
    public static IdeasWallSettings From(ProposalSettings settings) => new()
    {
        Enabled = settings.Enabled,
        Public = settings.ShowApproved,
        Themes = new LocalizedText { Fi = Lines(settings.Themes.Fi), Sv = Lines(settings.Themes.Sv), En = Lines(settings.Themes.En) },
    };

    /// <summary>The same settings as the form would give them back (copying a workshop).</summary>
    public ProposalSettings ToSettings() => new(Enabled, Public, Themes);

    /// <summary>Whether <paramref name="other"/> holds the same switches and themes.</summary>
    public bool SameAs(IdeasWallSettings other) =>
        Enabled == other.Enabled && Public == other.Public
        && Themes.Fi == other.Themes.Fi && Themes.Sv == other.Themes.Sv && Themes.En == other.Themes.En;

    private static string Lines(string text) =>
        string.Join('\n', text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
