using System.Globalization;

namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (no script, no style attributes: colours are SVG presentation
/// attributes, which the CSP allows). Each row has two bars, e.g. registered and attended.
/// </summary>
public sealed record BarChart(string Id, string Title, string FirstLabel, string SecondLabel, IReadOnlyList<(string Label, int First, int Second)> Rows)
{
    public const int Width = 640;
    public const int LabelWidth = 230;
    public const int BarHeight = 14;
    public const int RowHeight = 2 * BarHeight + 14;
    public const int Top = 30;
    public const string FirstColour = "#00497a";
    public const string SecondColour = "#1d6b34";

    public int Height => Top + Math.Max(1, Rows.Count) * RowHeight + 6;

    private int Max => Math.Max(1, Rows.Select(r => Math.Max(r.First, r.Second)).DefaultIfEmpty(0).Max());

    /// <summary>Bar length in SVG units; the longest bar leaves room for its number.</summary>
    public string Length(int value) => (value * (Width - LabelWidth - 50.0) / Max).ToString("0.#", CultureInfo.InvariantCulture);

    public string End(int value) => (LabelWidth + (value * (Width - LabelWidth - 50.0) / Max) + 4).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Characters that fit on one label line: 13-pixel text averages under 7 pixels a character, so 30 characters
    /// stay inside the label column; the label is also clipped to the column (<c>_BarChart</c>), so even a line of
    /// wide letters never leaves the SVG.
    /// </summary>
    public const int LabelLineChars = (LabelWidth - 20) / 7;

    /// <summary>
    /// A label on at most two lines of <see cref="LabelLineChars"/>, broken between words where possible, the second
    /// cut with "…" when the label is longer; the chart gives the full label in a <c>&lt;title&gt;</c>.
    /// </summary>
    public static IReadOnlyList<string> LabelLines(string label)
    {
        label = label.Trim();
        if (label.Length <= LabelLineChars)
        {
            return [label];
        }

        var cut = label.LastIndexOf(' ', LabelLineChars);
        var first = cut > LabelLineChars / 2 ? label[..cut] : label[..LabelLineChars];
        var rest = label[first.Length..].Trim();
        return [first, rest.Length <= LabelLineChars ? rest : rest[..(LabelLineChars - 1)].TrimEnd() + "…"];
    }
}
