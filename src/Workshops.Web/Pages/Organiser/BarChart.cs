using System.Globalization;

namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// A horizontal bar chart drawn on the server (no script): each row has a label and two bars, e.g. registered and
/// attended. Labels and numbers are HTML text, so they wrap whole at any width (a phone at 320 pixels, 200% zoom) and
/// read as text; only the bars are SVG, one small picture per bar, stretched to the row (colours are SVG presentation
/// attributes, which the CSP allows; no style attributes).
/// </summary>
public sealed record BarChart(string Id, string Title, string FirstLabel, string SecondLabel, IReadOnlyList<(string Label, int First, int Second)> Rows)
{
    public const string FirstColour = "#00497a";
    public const string SecondColour = "#1d6b34";

    private int Max => Math.Max(1, Rows.Select(r => Math.Max(r.First, r.Second)).DefaultIfEmpty(0).Max());

    /// <summary>A bar's length as a share of the longest one, in the bar picture's 0–100 units (never quite 0, so a zero still shows a mark).</summary>
    public string Length(int value) => Math.Max(0.5, value * 100.0 / Max).ToString("0.#", CultureInfo.InvariantCulture);
}
