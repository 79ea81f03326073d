using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Tests.Pages.Organiser.Workshops;

public sealed class CheckInTests : IAsyncLifetime
{
    private const string Rauma = RegistrationSteps.Rauma;
    private readonly WorkshopsFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync()
    {
        _organiser = await Organisers.SignedInAsync(_app);
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino Ääkkönen", "aino@example.fi", "Rauman kaupunki"));
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Bertil Berg", "bertil@example.fi"));
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Åke Öst", "ake@example.fi"));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static List<string> Names(IDocument page) => page.QuerySelectorAll(".checkin-list strong").Select(e => e.TextContent).ToList();

    private Task<Registration> PersonAsync(string email) => _app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Email == email));

    [Fact]
    public async Task SearchingAndTappingMarksThePersonPresentAndReturnsToTheSameSearch()
    {
        var aino = await PersonAsync("aino@example.fi");
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}/check-in?q=aakko");
        Assert.Equal(["Aino Ääkkönen"], Names(page));

        var response = await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?>(), $"#r-{aino.Id} form");

        var after = await Html.ParseAsync(response);
        Assert.Equal("?q=aakko", after.Location.Search);
        Assert.Equal(["Aino Ääkkönen"], Names(after));
        Assert.Equal("Peru saapumismerkintä: Aino Ääkkönen", after.Text($"#r-{aino.Id} details.undo button"));
        Assert.Equal("✓ Saapunut", after.Text($"#r-{aino.Id} .present-mark"));
        Assert.Equal("✓ Saapunut 12.00", System.Text.RegularExpressions.Regex.Replace(after.Text($"#r-{aino.Id} .state"), @"\s+", " "));
        Assert.Equal("1", after.Text("[data-count='present']"));
        Assert.Equal(WorkshopsFactory.DefaultNow.UtcDateTime, (await PersonAsync("aino@example.fi")).CheckedInAtUtc);
        var dashboard = await Html.GetAsync(_organiser, "/organiser");
        Assert.Equal("1", dashboard.Text($"tr[data-slug='{Rauma}'] [data-count='attended']"));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.CheckedIn));
        Assert.Equal((Organisers.Email, aino.Id), (entry.Actor, entry.RegistrationId!.Value));
    }

    [Fact]
    public async Task TappingAgainUndoesACheckInAndADoubleTapChangesNothing()
    {
        var bertil = await PersonAsync("bertil@example.fi");
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}/check-in");
        await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?>(), $"#r-{bertil.Id} form");
        await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?>(), $"#r-{bertil.Id} form"); // the stale page posts "present" twice
        Assert.NotNull((await PersonAsync("bertil@example.fi")).CheckedInAtUtc);

        var fresh = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}/check-in");
        await Html.SubmitAsync(_organiser, fresh, new Dictionary<string, string?>(), $"#r-{bertil.Id} form");

        Assert.Null((await PersonAsync("bertil@example.fi")).CheckedInAtUtc);
        var actions = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.RegistrationId == bertil.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.CheckedIn, AuditAction.CheckInUndone], actions);
    }

    [Fact]
    public async Task TheListIsPhoneSizedWithOneButtonPerPersonAndNoScript()
    {
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}/check-in");

        Assert.Equal(["Aino Ääkkönen", "Bertil Berg", "Åke Öst"], Names(page));
        Assert.Equal(3, page.QuerySelectorAll(".checkin-list li form button").Length);
        Assert.Contains("width=device-width", page.QuerySelector("meta[name=viewport]")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("table"));
        Assert.Empty(page.QuerySelectorAll("script:not([src]), [style], [onclick]"));
        Assert.Equal("search", page.QuerySelector("form.checkin-search input[name=q]")!.GetAttribute("type"));
    }

    [Fact]
    public async Task APersonalCheckInLinkOpensThatPersonOnly()
    {
        var ake = await PersonAsync("ake@example.fi");

        var page = await Html.GetAsync(_organiser, $"/organiser/check-in/{ake.Id}");

        Assert.Equal($"/organiser/workshops/{Rauma}/check-in", page.Location.PathName);
        Assert.Equal(["Åke Öst"], Names(page));
        var after = await Html.ParseAsync(await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?>(), $"#r-{ake.Id} form"));
        Assert.Equal(["Åke Öst"], Names(after));
        Assert.NotNull((await PersonAsync("ake@example.fi")).CheckedInAtUtc);
    }

    [Fact]
    public async Task TheCheckInButtonSaysWhatItDoes()
    {
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}/check-in");

        Assert.All(page.QuerySelectorAll(".checkin-list button"), b => Assert.StartsWith("Merkitse saapuneeksi: ", b.TextContent));
        Assert.Empty(page.QuerySelectorAll("[aria-pressed]"));
    }

    [Fact]
    public async Task ScanningACancelledPersonsCodeSaysTheyCancelled()
    {
        var bertil = await PersonAsync("bertil@example.fi");
        await _app.WithDbAsync(async db =>
        {
            await db.Registrations.Where(r => r.Id == bertil.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled));
            return 0;
        });

        var page = await Html.GetAsync(_organiser, $"/organiser/check-in/{bertil.Id}");

        Assert.Empty(Names(page));
        Assert.StartsWith("Bertil Berg on perunut ilmoittautumisensa tähän työpajaan.", page.Text(".cancelled-person"));
        Assert.DoesNotContain("Ketään ei löytynyt", page.Body!.TextContent);
    }

    [Fact]
    public async Task AWalkInEventRecordsItsHeadCountAndSaysSo()
    {
        const string cafe = "suomiareena-penkkikahvila";
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{cafe}/check-in");

        var saved = await Html.ParseAsync(await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?> { ["headCount"] = "137" }, "form.head-count-form"));

        Assert.Equal("Kävijämäärä 137 tallennettiin.", saved.Text(".outcome"));
        Assert.Equal(137, (await _app.WorkshopAsync(cafe)).HeadCount);
        Assert.Equal("137", (await Html.GetAsync(_organiser, $"/organiser/workshops/{cafe}/check-in")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#headCount")!.Value);
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.HeadCountRecorded && a.Detail == AuditDetail.Of(AuditDetailKind.HeadCount, 137).ToJson())));
    }
}
