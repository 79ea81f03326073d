using System.Globalization;
using System.Xml.Linq;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Infrastructure;

/// <summary>
/// The emblem follows the EU's published construction of its flag: 3:2, twelve upright five-pointed stars at the
/// hours of a clock on a circle of one third of the height, each star's points on a circle of one eighteenth.
/// Read back from the SVG the site serves, not from the helper's own numbers.
/// </summary>
public sealed class EuEmblemTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static (XElement Rect, List<List<(double X, double Y)>> Stars) Parse()
    {
        var svg = XDocument.Parse(EuEmblem.Svg).Root!;
        var rect = svg.Element(Svg + "rect")!;
        var stars = svg.Elements(Svg + "polygon")
            .Select(p => p.Attribute("points")!.Value.Split(' ')
                .Select(pair => pair.Split(','))
                .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))
                .ToList())
            .ToList();
        return (rect, stars);
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void TheFlagIsABlueRectangleThreeWideToTwoHigh()
    {
        var (rect, _) = Parse();

        Assert.Equal(1.5, Number(rect, "width") / Number(rect, "height"), 6);
        Assert.Equal("#003399", rect.Attribute("fill")!.Value);
        Assert.Equal($"0 0 {Number(rect, "width")} {Number(rect, "height")}", XDocument.Parse(EuEmblem.Svg).Root!.Attribute("viewBox")!.Value);
    }

    [Fact]
    public void TwelveYellowStarsStandOnACircleOfOneThirdOfTheHeightAtTheHoursOfAClock()
    {
        var (rect, stars) = Parse();
        var (width, height) = (Number(rect, "width"), Number(rect, "height"));
        var polygons = XDocument.Parse(EuEmblem.Svg).Root!.Elements(Svg + "polygon").ToList();

        Assert.Equal(12, stars.Count);
        Assert.All(polygons, p => Assert.Equal("#FFCC00", p.Attribute("fill")!.Value));
        var angles = new List<double>();
        foreach (var star in stars)
        {
            Assert.Equal(10, star.Count); // five points, five inner corners
            var (cx, cy) = (star.Average(p => p.X), star.Average(p => p.Y));
            var (dx, dy) = (cx - (width / 2), cy - (height / 2));
            Assert.Equal(height / 3, Math.Sqrt((dx * dx) + (dy * dy)), 2);
            // Clockwise from 12 o'clock, in degrees.
            angles.Add((Math.Atan2(dx, -dy) * 180 / Math.PI + 360) % 360);
        }

        Assert.Equal(Enumerable.Range(0, 12).Select(h => h * 30.0), angles.Order().Select(a => Math.Round(a, 1)));
    }

    [Fact]
    public void EachStarIsUprightWithItsFivePointsOnACircleOfOneEighteenthOfTheHeight()
    {
        var (rect, stars) = Parse();
        var height = Number(rect, "height");

        foreach (var star in stars)
        {
            var (cx, cy) = (star.Average(p => p.X), star.Average(p => p.Y));
            var distances = star.Select(p => Math.Sqrt(((p.X - cx) * (p.X - cx)) + ((p.Y - cy) * (p.Y - cy)))).ToList();
            var points = star.Where((_, i) => distances[i] > height / 30).ToList();
            Assert.Equal(5, points.Count);
            Assert.All(points, p => Assert.Equal(height / 18, Math.Sqrt(((p.X - cx) * (p.X - cx)) + ((p.Y - cy) * (p.Y - cy))), 2));
            // Upright: the highest point stands straight above the centre (SVG's y grows downwards).
            var top = star.MinBy(p => p.Y);
            Assert.Equal(cx, top.X, 2);
        }
    }
}
