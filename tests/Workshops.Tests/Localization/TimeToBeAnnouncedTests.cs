using Workshops.Tests.Calendar;
using Workshops.Tests.Support;

namespace Workshops.Tests.Localization;

/// <summary>
/// The article gives no times. Wherever a workshop has no start time, pages, emails and calendar texts say
/// "time to be announced" in the reader's language, never "all day".
/// </summary>
public sealed class TimeToBeAnnouncedTests : AppWithMailServer
{
    private static readonly string[] AllDay = ["koko päivä", "hela dagen", "all day"];

    [Theory]
    [InlineData("fi", "ke 31.5.2028, aika tarkentuu")]
    [InlineData("sv", "ons 31.5.2028, tiden meddelas senare")]
    [InlineData("en", "Wed 31 May 2028, time to be announced")]
    public async Task ProgrammeAndWorkshopPageSayTheTimeIsToBeAnnounced(string language, string rauma)
    {
        var programme = await Html.GetAsync(App.Browser(), $"/?culture={language}");
        var when = programme.QuerySelectorAll(".programme > li .facts-when dd").Select(dd => dd.TextContent.Trim()).ToList();
        Assert.Equal(5, when.Count);
        Assert.Equal(rauma, when[0]);
        Assert.All(when, w => Assert.EndsWith(rauma[(rauma.IndexOf(", ", StringComparison.Ordinal) + 2)..], w));

        var page = await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}?culture={language}");
        Assert.Equal(rauma, page.Text(".facts-when dd"));
        foreach (var text in new[] { programme.Text("main"), page.Text("main") })
        {
            Assert.All(AllDay, a => Assert.DoesNotContain(a, text, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task ConfirmationEmailSaysTheTimeIsToBeAnnounced()
    {
        await RegistrationSteps.ThroughFormAsync(App, "Aino", "aino@example.fi");

        var message = await Smtp.NextMessageAsync();

        Assert.Contains("Aika: ke 31.5.2028, aika tarkentuu", message.TextBody);
        Assert.Contains("ke 31.5.2028, aika tarkentuu", message.HtmlBody);
        Assert.All(AllDay, a => Assert.DoesNotContain(a, message.TextBody + message.HtmlBody, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("fi", "Aika tarkentuu.")]
    [InlineData("sv", "Tiden meddelas senare.")]
    [InlineData("en", "Time to be announced.")]
    public async Task CalendarEntryStaysAllDayAndItsDescriptionSaysTheTimeIsToBeAnnounced(string language, string sentence)
    {
        var text = await App.Browser().GetStringAsync($"/workshops/{RegistrationSteps.Rauma}/calendar.ics?culture={language}");

        Assert.Contains("DTSTART;VALUE=DATE:20280531", text);
        var entry = Assert.Single(Ics.Parse(text).Events);
        Assert.StartsWith(sentence + "\n\n", entry.Description);

        var page = await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}?culture={language}");
        var google = page.QuerySelectorAll("a[href^='https://calendar.google.com']").Single().GetAttribute("href")!;
        Assert.Contains(Uri.EscapeDataString(sentence), google);
    }

    [Fact]
    public async Task AnAnnouncedTimeIsShownInsteadEverywhere()
    {
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => (w.StartTime, w.EndTime) = (new TimeOnly(9, 0), new TimeOnly(12, 0)));

        var page = await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}?culture=sv");
        Assert.Equal("ons 31.5.2028 kl. 9.00–12.00", page.Text(".facts-when dd"));
        var entry = Assert.Single(Ics.Parse(await App.Browser().GetStringAsync($"/workshops/{RegistrationSteps.Rauma}/calendar.ics?culture=sv")).Events);
        Assert.DoesNotContain("Tiden meddelas senare", entry.Description);
    }
}
