using System.Xml.Linq;
using Workshops.Tests.Support;

namespace Workshops.Tests.Data;

/// <summary>
/// What the site says matches the announcement: the validation workshop presents a validation tool
/// (validointityökalu), its audience is not stated, and cancel texts promise a waiting list only where there is one.
/// </summary>
public sealed class SourceFidelityTests : AppWithMailServer
{
    private const string Validation = "validointityopaja";

    [Theory]
    [InlineData("fi", "validointityökalu", "arviointityökalu")]
    [InlineData("sv", "valideringsverktyg", "bedömningsverktyg")]
    [InlineData("en", "validation tool", "assessment tool")]
    public async Task ValidationWorkshopPresentsAValidationTool(string language, string tool, string notTool)
    {
        var page = await Html.GetAsync(App.Browser(), $"/workshops/{Validation}?culture={language}");

        Assert.Contains(tool, page.Text("h1"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(notTool, page.Text("main"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("fi", "Kaikille avoin")]
    [InlineData("sv", "Öppen för alla")]
    [InlineData("en", "Open to everyone")]
    public async Task ValidationWorkshopClaimsNoAudienceTheAnnouncementDoesNotName(string language, string openToAll)
    {
        var page = await Html.GetAsync(App.Browser(), $"/workshops/{Validation}?culture={language}");
        var programme = await Html.GetAsync(App.Browser(), $"/?culture={language}");

        Assert.DoesNotContain(openToAll, page.Text("main"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(openToAll, programme.Text("main"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, page.QuerySelectorAll(".facts > div").Length - (page.QuerySelector(".facts-availability") is null ? 0 : 1)); // when, place, format
        var rauma = await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}?culture={language}");
        Assert.Equal(4, rauma.QuerySelectorAll(".facts > div").Length - 1); // the stated audience is shown
    }

    [Fact]
    public async Task CancelTextsSpeakOfTheWaitingListOnlyWhenSeatsAreLimited()
    {
        // The seeded workshops have no seat limit: cancelling frees nothing anyone is waiting for.
        var unlimited = await ManageAndCancelTextsAsync("aino@example.fi");
        Assert.DoesNotContain("jono", unlimited, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vapautettu muille", unlimited, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Ilmoittautumisesi on peruttu.", unlimited);

        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Capacity = 10);
        var limited = await ManageAndCancelTextsAsync("bertil@example.fi");
        Assert.Contains("Paikkasi annetaan jonossa seuraavalle", limited);
        Assert.Contains("paikka vapautuu jonossa seuraavalle", limited);
        Assert.Contains("Paikkasi on vapautettu muille.", limited);
    }

    /// <summary>Registers, reads the personal page and the cancel step, cancels; returns all the texts and the cancellation email.</summary>
    private async Task<string> ManageAndCancelTextsAsync(string email)
    {
        await RegistrationSteps.ThroughFormAsync(App, "Aino", email);
        var manage = Mail.ManagePath(await Smtp.NextMessageAsync());
        var browser = App.Browser();
        var page = await Html.GetAsync(browser, manage);
        var cancel = await Html.GetAsync(browser, manage + "/cancel");
        await Html.SubmitAsync(browser, cancel, new Dictionary<string, string?>());
        var cancelled = await Smtp.NextMessageAsync();
        return page.Text("main") + "\n" + cancel.Text("main") + "\n" + cancelled.TextBody;
    }

    [Fact]
    public void EnglishSaysPlaceForARegistrationAndSeatOnlyForCapacity()
    {
        var resx = XDocument.Load(Path.Combine(SeedFiles.RepositoryRoot(), "src", "Workshops.Web", "Resources", "SharedResource.en.resx"));
        var withSeat = resx.Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string)d.Element("value")!))
            .Where(d => d.Value.Contains("seat", StringComparison.OrdinalIgnoreCase))
            .ToList();

        // Only capacity is counted in seats ("N seats left", "free seats", "no seat limit", the hybrid switch's "no free
        // seats for the other way"); a person has a place (confirmed, offered, released, on the waiting list).
        Assert.All(withSeat, d => Assert.Matches("(?i)paikk(a|aa) jäljellä|vapaita paikkoja|paikkaraja", d.Key));
        Assert.NotEmpty(withSeat);
    }
}
