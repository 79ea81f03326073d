namespace Workshops.Web.Email.Templates;

/// <summary>
/// How the organiser's own words (plain text: practical information, a cancellation's reason, a cover note) are laid out
/// in an email's HTML part, and in the organiser's preview of it: paragraphs at blank lines, line breaks kept within them.
/// The caller encodes each line (Razor does).
/// </summary>
public static class OwnWords
{
    /// <summary>The paragraphs of <paramref name="text"/>, each as its lines (blank lines between paragraphs dropped).</summary>
    public static IReadOnlyList<string[]> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('\n'))
            .ToList();
}
