using Workshops.Tests.Support;
using Workshops.Web.Pages.Organiser;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>The report's SVG charts keep every label inside the picture, however long, and give it in full as a title.</summary>
public sealed class BarChartTests : SignedInOrganiser
{
    [Fact]
    public async Task ALongLabelIsDrawnInsideTheChartAndGivenInFullAsItsTitle()
    {
        var title = "Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu ja pilotointi – työpaja, jonka nimi on hyvin pitkä, Raumalla";
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Title = new() { Fi = title });

        var report = await Html.GetAsync(Organiser, "/organiser/report");

        var label = report.QuerySelectorAll("svg#workshops text, svg text").First(t => t.QuerySelector("title")?.TextContent == title);
        var lines = label.QuerySelectorAll("tspan").Select(t => t.TextContent).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.True(line.Length <= BarChart.LabelLineChars, $"'{line}' is longer than a label line"));
        Assert.EndsWith("…", lines[1]);
        Assert.StartsWith("url(#", label.GetAttribute("clip-path"));
        // 7 pixels a character (13-pixel text) plus the gap to the bars stays within the label column.
        Assert.True((BarChart.LabelLineChars * 7) + 8 <= BarChart.LabelWidth);
    }

    [Fact]
    public void AShortLabelStaysOnOneLineAndALongOneBreaksBetweenWords()
    {
        Assert.Equal(["Rauman kaupunki"], BarChart.LabelLines("Rauman kaupunki"));
        var lines = BarChart.LabelLines("Satakunnan hyvinvointialue ja kaikki sen palvelut");
        Assert.Equal("Satakunnan hyvinvointialue ja", lines[0]);
        Assert.Equal("kaikki sen palvelut", lines[1]);
    }
}
