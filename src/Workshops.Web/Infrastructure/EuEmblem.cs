using System.Globalization;
using System.Text;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// The EU emblem as SVG, drawn to the construction rules the EU publishes for its flag: a blue rectangle 3:2
/// (Reflex Blue <c>#003399</c>); twelve yellow (<c>#FFCC00</c>) five-pointed stars, upright, at the hours of a clock
/// on an invisible circle whose radius is one third of the height; each star's points on a circle whose radius is
/// one eighteenth of the height. Served at <see cref="Path"/> for the footer, the poster, the sign-in sheet and the emails.
/// </summary>
public static class EuEmblem
{
    /// <summary>Where the site serves the emblem (<c>image/svg+xml</c>).</summary>
    public const string Path = "/eu-emblem.svg";

    /// <summary>The height in SVG user units; 180 makes the circle's radius 60 and a star's radius 10.</summary>
    public const double Height = 180;

    /// <summary>Three wide to two high.</summary>
    public const double Width = Height * 3 / 2;

    /// <summary>Reflex Blue.</summary>
    public const string Blue = "#003399";

    /// <summary>Yellow.</summary>
    public const string Yellow = "#FFCC00";

    /// <summary>The invisible circle the stars' centres stand on: one third of the height.</summary>
    public const double CircleRadius = Height / 3;

    /// <summary>The circle a star's five points stand on: one eighteenth of the height.</summary>
    public const double StarRadius = Height / 18;

    /// <summary>The finished SVG document (computed once).</summary>
    public static string Svg { get; } = Build();

    /// <summary>The centre of the star at <paramref name="hour"/> (0 = 12 o'clock … 11), in SVG units, y downwards.</summary>
    public static (double X, double Y) StarCentre(int hour)
    {
        var angle = hour * Math.PI / 6;
        return ((Width / 2) + (CircleRadius * Math.Sin(angle)), (Height / 2) - (CircleRadius * Math.Cos(angle)));
    }

    /// <summary>
    /// The ten corners of an upright five-pointed star around <paramref name="centre"/>: outer points on
    /// <see cref="StarRadius"/> (the first straight up), inner corners where the star's edges cross.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)> StarCorners((double X, double Y) centre)
    {
        // A regular pentagram's inner corners lie at cos 72° / cos 36° of its outer radius.
        var inner = StarRadius * Math.Cos(2 * Math.PI / 5) / Math.Cos(Math.PI / 5);
        var corners = new List<(double X, double Y)>(10);
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? StarRadius : inner;
            var angle = i * Math.PI / 5;
            corners.Add((centre.X + (radius * Math.Sin(angle)), centre.Y - (radius * Math.Cos(angle))));
        }

        return corners;
    }

    private static string Build()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"{N(Width)}\" height=\"{N(Height)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{N(Width)}\" height=\"{N(Height)}\" fill=\"{Blue}\"/>");
        for (var hour = 0; hour < 12; hour++)
        {
            var points = string.Join(' ', StarCorners(StarCentre(hour)).Select(p => N(p.X) + "," + N(p.Y)));
            svg.Append(CultureInfo.InvariantCulture, $"<polygon fill=\"{Yellow}\" points=\"{points}\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string N(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
