using System.Net;
using Workshops.Tests.Calendar;
using Workshops.Tests.Support;

namespace Workshops.Tests.Domain.Workshops;

/// <summary>
/// A place has a name in each language ("Raumo" in Swedish), from the seed and the organiser's editor, and
/// every page, email and calendar file uses the reader's; an empty language shows the Finnish name.
/// </summary>
public sealed class LocalizedPlaceTests : AppWithMailServer
{
    [Theory]
    [InlineData("fi", "Rauma", "SuomiAreena, Pori", "Suomen Community Hub, Social Enterprise World Forum")]
    [InlineData("sv", "Raumo", "SuomiAreena, Björneborg", "Finlands Community Hub, Social Enterprise World Forum")]
    [InlineData("en", "Rauma", "SuomiAreena, Pori", "Finland's Community Hub, Social Enterprise World Forum")]
    public async Task PagesAndCalendarNameThePlaceInTheReadersLanguage(string language, string rauma, string suomiAreena, string hub)
    {
        var programme = await Html.GetAsync(App.Browser(), $"/?culture={language}");
        var places = programme.QuerySelectorAll(".programme > li .facts > div:nth-child(2) dd").Select(dd => dd.TextContent.Trim()).ToList();
        Assert.Equal(rauma, places[0]);
        Assert.Equal(suomiAreena, places[1]);
        Assert.Equal(hub, places[3]);

        var page = await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}?culture={language}");
        Assert.Contains(rauma, page.Text("h1"));
        Assert.Equal(rauma, page.QuerySelectorAll(".facts > div:nth-child(2) dd").Single().TextContent.Trim());

        var entry = Assert.Single(Ics.Parse(await App.Browser().GetStringAsync($"/workshops/{RegistrationSteps.Rauma}/calendar.ics?culture={language}")).Events);
        Assert.Equal(rauma, entry.Location);
    }

    [Fact]
    public async Task SwedishEmailNamesTheSwedishPlace()
    {
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{RegistrationSteps.Rauma}?culture=sv");
        var values = People.Registration();
        values["Input.Language"] = "sv";
        await Html.SubmitAsync(browser, form, values);

        var message = await Smtp.NextMessageAsync();

        Assert.Contains("Plats: Raumo", message.TextBody);
        Assert.DoesNotContain("Rauma", message.TextBody!.Replace("rauma-yksinaisyys", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrganiserEditsThePlaceInEachLanguageAndAnEmptyOneFallsBackToFinnish()
    {
        var organiser = await Organisers.SignedInAsync(App);
        var form = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/edit");
        Assert.Equal("Raumo", form.QuerySelector("input[name='Input.PlaceSv']")!.GetAttribute("value"));
        Assert.Equal("Rauma", form.QuerySelector("input[name='Input.PlaceEn']")!.GetAttribute("value"));
        var before = await App.WorkshopAsync(RegistrationSteps.Rauma);

        var response = await Html.SubmitAsync(organiser, form,
            new Dictionary<string, string?> { ["Input.PlaceSv"] = "", ["Input.PlaceEn"] = "Rauma town hall" }, "form.workshop-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var sv = await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}?culture=sv");
        Assert.Equal("Rauma", sv.QuerySelectorAll(".facts > div:nth-child(2) dd").Single().TextContent.Trim());
        var en = await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}?culture=en");
        Assert.Equal("Rauma town hall", en.QuerySelectorAll(".facts > div:nth-child(2) dd").Single().TextContent.Trim());
        // Naming the same place in another language moves nobody: no calendar update, no change notice.
        Assert.Equal(before.Sequence, (await App.WorkshopAsync(RegistrationSteps.Rauma)).Sequence);
    }
}
