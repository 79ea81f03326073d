using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Pages.Organiser.Workshops;

public sealed class AttendeeListTests : IAsyncLifetime
{
    private const string Rauma = RegistrationSteps.Rauma;
    private readonly WorkshopsFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync()
    {
        _organiser = await Organisers.SignedInAsync(_app);
        await _app.UpdateWorkshopAsync(Rauma, w => w.Capacity = 2);
        await RegistrationSteps.ThroughFormAsync(_app, "Öllö Åberg", "ollo@example.fi", "Rauman kaupunki", "Municipal");
        await RegistrationSteps.ThroughFormAsync(_app, "Aino Ääkkönen", "aino@example.fi", "Satakunnan yhdistys", "Citizen");
        await RegistrationSteps.ThroughFormAsync(_app, "Bertil Berg", "bertil@example.fi", null, "SocialEnterprise");
        await RegistrationSteps.ThroughFormAsync(_app, "Cecilia Cruz", "cecilia@example.fi", "Yritys Oy", "HigherEducationOrCompany");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static List<string> Names(IDocument page) =>
        page.QuerySelectorAll("table.attendees tbody th").Select(th => th.TextContent.Trim()).ToList();

    private static string Count(IDocument page, string row, string column) =>
        page.QuerySelector($"tr[data-slug='{row}'] [data-count='{column}']")!.TextContent.Trim();

    [Fact]
    public async Task DashboardShowsSeatsAndEveryCountPerWorkshop()
    {
        var bertil = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "bertil@example.fi"));
        await _app.WithDbAsync(db => db.Registrations.Where(r => r.Email == "ollo@example.fi")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAtUtc, DateTime.UtcNow)));
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Walk In", "walk@example.fi"), "suomiareena-penkkikahvila");
        var page = await Html.GetAsync(_organiser, "/organiser");
        var cancel = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}");
        await Html.SubmitAsync(_organiser, cancel, new Dictionary<string, string?> { ["id"] = bertil.Id.ToString() }, $"#r-{bertil.Id} form.cancel-form");

        page = await Html.GetAsync(_organiser, "/organiser");

        Assert.Equal("2", Count(page, Rauma, "seats"));
        Assert.Equal("2", Count(page, Rauma, "confirmed")); // Öllö, Aino; Bertil left the waiting list, Cecilia still waits
        Assert.Equal("1", Count(page, Rauma, "waiting"));
        Assert.Equal("1", Count(page, Rauma, "cancelled"));
        Assert.Equal("1", Count(page, Rauma, "attended"));
        Assert.Equal("vapaa pääsy", Count(page, "suomiareena-penkkikahvila", "seats"));
        Assert.Equal("1", Count(page, "suomiareena-penkkikahvila", "confirmed"));
    }

    [Fact]
    public async Task ListShowsActivePeopleInFinnishAlphabeticalOrderWithTheirDetails()
    {
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}");

        // Finnish order puts Å, Ä and Ö after Z.
        Assert.Equal(["Aino Ääkkönen", "Bertil Berg", "Cecilia Cruz", "Öllö Åberg"], Names(page));
        var aino = page.QuerySelectorAll("table.attendees tbody tr").Single(tr => tr.TextContent.Contains("Aino"));
        Assert.Contains("aino@example.fi", aino.TextContent);
        Assert.Contains("Satakunnan yhdistys", aino.TextContent);
        Assert.Contains("Kansalainen tai järjestö", aino.TextContent);
        Assert.Contains("Vahvistettu", aino.TextContent);
        var cecilia = page.QuerySelectorAll("table.attendees tbody tr").Single(tr => tr.TextContent.Contains("Cecilia"));
        Assert.Contains("Jonossa", cecilia.TextContent);
    }

    [Theory]
    [InlineData("?status=waitlisted", new[] { "Bertil Berg", "Cecilia Cruz" })]
    [InlineData("?status=confirmed&sort=registered", new[] { "Öllö Åberg", "Aino Ääkkönen" })]
    [InlineData("?status=confirmed", new[] { "Aino Ääkkönen", "Öllö Åberg" })]
    [InlineData("?q=aakkonen", new[] { "Aino Ääkkönen" })]
    [InlineData("?q=RAUMAN", new[] { "Öllö Åberg" })]
    [InlineData("?q=bertil%40example", new[] { "Bertil Berg" })]
    [InlineData("?sort=organisation", new[] { "Öllö Åberg", "Aino Ääkkönen", "Cecilia Cruz", "Bertil Berg" })]
    [InlineData("?sort=group", new[] { "Öllö Åberg", "Aino Ääkkönen", "Cecilia Cruz", "Bertil Berg" })]
    public async Task FilterSearchAndSortNarrowTheList(string query, string[] expected)
    {
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}{query}");

        Assert.Equal(expected, Names(page));
    }

    [Fact]
    public async Task SignInSheetListsEveryoneWithASeatAndPrintsOnA4()
    {
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}/sign-in-sheet");

        var names = page.QuerySelectorAll("table.sign-in-sheet tbody tr:not(.blank) td:nth-child(2)").Select(td => td.TextContent).ToList();
        Assert.Equal(["Aino Ääkkönen", "Öllö Åberg"], names);
        Assert.NotNull(page.QuerySelector("th:last-child"));
        Assert.Equal("Allekirjoitus", page.QuerySelectorAll("table.sign-in-sheet thead th").Last().TextContent);
        var stylesheet = page.QuerySelector("link[href*='/css/organiser']")!.GetAttribute("href")!;
        var css = await _organiser.GetStringAsync(stylesheet);
        Assert.Contains("@media print", css);
        Assert.Contains("@page { size: A4; margin: 15mm; }", css);
        Assert.Null(page.QuerySelector("[style]"));
    }

    [Fact]
    public async Task UnknownWorkshopIsNotFound()
    {
        var response = await _organiser.GetAsync("/organiser/workshops/no-such-workshop");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OrganiserCancelsARegistrationAndTheFirstInLineGetsTheSeat()
    {
        var aino = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "aino@example.fi"));
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}?q=aino");

        var response = await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?> { ["id"] = aino.Id.ToString() }, $"#r-{aino.Id} form.cancel-form");

        var after = await Html.ParseAsync(response);
        Assert.Contains("q=aino", after.Location.Search);
        Assert.Equal("Ilmoittautuminen peruttiin. Henkilölle lähti vahvistus, ja vapautunut paikka annettiin jonossa seuraavalle.", after.Text(".outcome"));
        var rows = await _app.RegistrationsInFileAsync(Rauma);
        Assert.Equal(["Confirmed", "Cancelled", "Confirmed", "Waitlisted"], rows.Select(r => r.Status));
        var kinds = await _app.WithDbAsync(db => db.OutgoingEmails.Where(e => e.Kind != Web.Email.EmailKind.Confirmed && e.Kind != Web.Email.EmailKind.Waitlisted)
            .Select(e => new { e.Kind, e.Registration!.Email }).ToListAsync());
        Assert.Equal(2, kinds.Count);
        Assert.Contains(kinds, k => k.Kind == Web.Email.EmailKind.Cancelled && k.Email == "aino@example.fi");
        Assert.Contains(kinds, k => k.Kind == Web.Email.EmailKind.Promoted && k.Email == "bertil@example.fi");
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.RegistrationCancelled));
        Assert.Equal((Organisers.Email, aino.Id), (audit.Actor, audit.RegistrationId!.Value));
    }

    [Fact]
    public async Task CancellingAWaitingListPlaceSaysNothingAboutAFreedSeat()
    {
        // Capacity 2: Öllö and Aino hold the seats, Bertil and Cecilia wait. Bertil's place frees no seat, and nobody moves.
        var bertil = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "bertil@example.fi"));
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}");

        var after = await Html.ParseAsync(await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?>(), $"#r-{bertil.Id} form.cancel-form"));

        Assert.Equal("Ilmoittautuminen peruttiin. Henkilölle lähti vahvistus.", after.Text(".outcome"));
        Assert.Equal(["Confirmed", "Confirmed", "Cancelled", "Waitlisted"], (await _app.RegistrationsInFileAsync(Rauma)).Select(r => r.Status));
        Assert.Equal(0, await _app.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == Web.Email.EmailKind.Promoted)));
    }
}
