using Workshops.Tests.Support;
using Workshops.Web.Pages.Organiser;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>
/// The report's charts give every label whole, as text that wraps at any width (a bar chart's SVG labels used to be cut
/// at the left edge when wrapped: "uomen Community Hub"); the bars are drawn to scale.
/// </summary>
public sealed class BarChartTests : SignedInOrganiser
{
    [Fact]
    public async Task ALongLabelIsGivenWholeAsTextBesideItsBarsAndNumbers()
    {
        var title = "Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu ja pilotointi – työpaja, jonka nimi on hyvin pitkä, Raumalla";
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Title = new() { Fi = title });

        var report = await Html.GetAsync(Organiser, "/organiser/report");

        var chart = report.QuerySelector("figure.chart#workshops")!;
        Assert.Equal("Ilmoittautuneet ja osallistuneet työpajoittain", chart.QuerySelector("figcaption")!.TextContent.Trim());
        var row = chart.QuerySelectorAll(".chart-rows li").Single(li => li.QuerySelector(".chart-label")!.TextContent == title);
        Assert.Equal(2, row.QuerySelectorAll("svg.bar rect").Length);
        Assert.All(row.QuerySelectorAll("svg.bar"), svg => Assert.Equal("true", svg.GetAttribute("aria-hidden")));
        Assert.Equal(["Ilmoittautuneet: 0", "Osallistuneet: 0"], row.QuerySelectorAll(".chart-value").Select(v => v.TextContent.Trim()).ToList());
    }

    [Fact]
    public void TheLongestBarFillsItsRowAndTheOthersAreToScale()
    {
        var chart = new BarChart("c", "t", "a", "b", [("x", 8, 2), ("y", 4, 0)]);

        Assert.Equal("100", chart.Length(8));
        Assert.Equal("50", chart.Length(4));
        Assert.Equal("25", chart.Length(2));
        Assert.Equal("0.5", chart.Length(0)); // a zero still leaves a mark at the axis
    }
}
