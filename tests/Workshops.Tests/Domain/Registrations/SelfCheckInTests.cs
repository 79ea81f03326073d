using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Domain.Registrations;

/// <summary>
/// Checking in by oneself at the door: the person types the venue code shown on the organiser's check-in page into
/// their own page while the workshop is under way. Through the real forms, on a fake clock: Rauma's workshop is set to
/// Thursday 3.12.2026 14.00–16.00 Helsinki time (12.00–14.00 UTC), people register a week before.
/// </summary>
public sealed class SelfCheckInTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Cafe = "suomiareena-penkkikahvila";
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(2);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.UpdateWorkshopAsync(Rauma, w => (w.Date, w.StartTime, w.EndTime) = (new DateOnly(2026, 12, 3), new TimeOnly(14, 0), new TimeOnly(16, 0)));
        await App.UpdateWorkshopAsync(Cafe, w => (w.Date, w.StartTime, w.EndTime) = (new DateOnly(2026, 12, 3), new TimeOnly(14, 0), new TimeOnly(16, 0)));
    }

    private async Task<string> RegisterAsync(string name, string email, string slug = Rauma)
    {
        await RegistrationSteps.ThroughFormAsync(App, name, email, slug: slug);
        return Mail.ManagePath(await Smtp.NextMessageAsync());
    }

    private Task<Registration> PersonAsync(string email) =>
        App.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Email == email));

    /// <summary>The code the organiser's page shows now, computed from the workshop's key as that page does.</summary>
    private async Task<string> CodeNowAsync(string slug = Rauma) =>
        CheckInCode.VenueCode((await App.WorkshopAsync(slug)).CheckInKey!, App.Time.GetUtcNow());

    /// <summary>Four digits that are neither the current nor the previous window's code (so a typo, not luck).</summary>
    private async Task<string> NotACodeAsync()
    {
        var key = (await App.WorkshopAsync(Rauma)).CheckInKey!;
        return Enumerable.Range(0, 10_000).Select(n => n.ToString("D4", CultureInfo.InvariantCulture))
            .First(c => !CheckInCode.Accepts(key, c, App.Time.GetUtcNow()));
    }

    /// <summary>Posts the check-in form the way a browser would, even where the page no longer (or never) offered it.</summary>
    private static async Task<IDocument> PostCodeAsync(HttpClient browser, string managePath, string code)
    {
        // An antiforgery token belongs to the browser, not to one form: the sign-in page's form carries a valid one.
        var tokenSource = await Html.GetAsync(browser, "/organiser/sign-in");
        var token = tokenSource.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await browser.PostAsync(managePath + "?handler=CheckIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["code"] = code,
        }));
        return await Html.ParseAsync(response);
    }

    [Fact]
    public async Task TheRightCodeDuringTheWorkshopMarksThePersonArrivedOnceEvenWhenSentTwice()
    {
        var manage = await RegisterAsync("Aino Ääkkönen", "aino@example.fi");
        App.Time.SetUtcNow(Start.AddMinutes(20));
        var organiser = await Organisers.SignedInAsync(App);
        var shown = (await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/check-in")).Text(".venue-code .code");
        Assert.Equal(await CodeNowAsync(), shown);

        var browser = App.Browser();
        var page = await Html.GetAsync(browser, manage);
        var first = await Html.ParseAsync(await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["code"] = shown }, "form.self-check-in-form"));
        App.Time.Advance(TimeSpan.FromSeconds(2));
        var second = await Html.ParseAsync(await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["code"] = shown }, "form.self-check-in-form")); // the same page, tapped again

        Assert.Equal("Saapumisesi on kirjattu. Tervetuloa!", first.Text(".outcome"));
        Assert.Equal(manage, first.Location.PathName);
        Assert.Null(first.QuerySelector("form.self-check-in-form"));
        var attended = first.Text("[data-attendance='attended']"); // the page's status says it, with the time
        Assert.StartsWith("Saapumisesi on kirjattu", attended);
        Assert.Contains("klo 14.20", attended);
        Assert.Equal("Saapumisesi oli jo kirjattu. Tervetuloa!", second.Text(".outcome"));
        var aino = await PersonAsync("aino@example.fi");
        Assert.Equal(Start.AddMinutes(20).UtcDateTime, aino.CheckedInAtUtc);
        Assert.True(aino.SelfCheckedIn);
        Assert.Empty(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.CheckedIn).ToListAsync()));

        // The organiser sees it marked as the person's own, and can take it back.
        var door = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/check-in");
        Assert.Contains("itse koodilla", door.Text($"#r-{aino.Id} .state"));
        Assert.Equal("1", door.Text("[data-count='present']"));
        Assert.Contains("itse koodilla", (await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}")).Text($"#r-{aino.Id}"));
        await Html.SubmitAsync(organiser, door, new Dictionary<string, string?>(), $"#r-{aino.Id} details.undo form");
        var undone = await PersonAsync("aino@example.fi");
        Assert.Null(undone.CheckedInAtUtc);
        Assert.False(undone.SelfCheckedIn);
        Assert.Single(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.CheckInUndone && a.RegistrationId == aino.Id).ToListAsync()));
    }

    [Fact]
    public async Task AWrongCodeIsRefusedNextToTheFieldAndStoresNothing()
    {
        var manage = await RegisterAsync("Aino Ääkkönen", "aino@example.fi");
        App.Time.SetUtcNow(Start.AddMinutes(5));
        var browser = App.Browser();
        var page = await Html.GetAsync(browser, manage);

        var refused = await Html.ParseAsync(await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["code"] = await NotACodeAsync() }, "form.self-check-in-form"));
        var empty = await Html.ParseAsync(await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["code"] = " " }, "form.self-check-in-form"));

        Assert.Equal("Koodi ei kelpaa. Tarkista paikan päällä näkyvä koodi: se vaihtuu vartin välein.", refused.Text(".error-summary li"));
        Assert.Equal("#code", refused.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("true", refused.QuerySelector("#code")!.GetAttribute("aria-invalid"));
        Assert.Contains("code-error", refused.QuerySelector("#code")!.GetAttribute("aria-describedby"));
        Assert.Equal("Kirjoita saapumiskoodi, joka näkyy paikan päällä.", empty.Text("#code-error"));
        Assert.Null((await PersonAsync("aino@example.fi")).CheckedInAtUtc);
    }

    [Fact]
    public async Task ACodeLivesForTwoWindowsThenIsRefused()
    {
        var manage = await RegisterAsync("Aino Ääkkönen", "aino@example.fi");
        var browser = App.Browser();
        App.Time.SetUtcNow(Start.AddMinutes(30)); // 14.30: a window begins
        var read = await CodeNowAsync();
        var page = await Html.GetAsync(browser, manage);

        App.Time.SetUtcNow(Start.AddMinutes(59)); // 14.59: read just before it changes
        var late = await CodeNowAsync();

        App.Time.SetUtcNow(Start.AddMinutes(60)); // 15.00: the 14.30 code is two windows old
        var key = (await App.WorkshopAsync(Rauma)).CheckInKey!;
        if (!CheckInCode.Accepts(key, read, App.Time.GetUtcNow())) // by chance the same digits as now or at 14.45 (2 in 10,000)
        {
            var expired = await Html.ParseAsync(await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["code"] = read }, "form.self-check-in-form"));
            Assert.StartsWith("Koodi ei kelpaa.", expired.Text(".error-summary li"));
            Assert.Null((await PersonAsync("aino@example.fi")).CheckedInAtUtc);
        }

        // Read at 14.59 just before it changed, typed at 15.01: the previous window's code still works.
        App.Time.SetUtcNow(Start.AddMinutes(61));
        var accepted = await Html.ParseAsync(await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["code"] = late[..2] + " " + late[2..] }, "form.self-check-in-form"));
        Assert.Equal("Saapumisesi on kirjattu. Tervetuloa!", accepted.Text(".outcome"));
    }

    [Fact]
    public async Task BeforeTheStartAndFromTheEndOnNobodyChecksInByThemselves()
    {
        var manage = await RegisterAsync("Aino Ääkkönen", "aino@example.fi");
        var browser = App.Browser();

        App.Time.SetUtcNow(Start.AddMinutes(-1));
        var before = await Html.GetAsync(browser, manage);
        Assert.Null(before.QuerySelector("form.self-check-in-form"));
        Assert.Contains("Kun työpaja alkaa (to 3.12.2026 klo 14.00), voit kirjata saapumisesi", before.Text(".self-check-in"));
        var early = await PostCodeAsync(browser, manage, await CodeNowAsync());
        Assert.Equal("Saapumisen voi kirjata vasta, kun työpaja alkaa (to 3.12.2026 klo 14.00).", early.Text(".error-summary li"));

        App.Time.SetUtcNow(End.AddSeconds(-30));
        var open = await Html.GetAsync(browser, manage); // opened a moment before the end…
        App.Time.SetUtcNow(End);
        var code = await CodeNowAsync();
        var late = await Html.ParseAsync(await Html.SubmitAsync(browser, open, new Dictionary<string, string?> { ["code"] = code }, "form.self-check-in-form"));
        Assert.Equal("Työpaja on jo päättynyt, joten saapumista ei voi enää kirjata.", late.Text(".error-summary li")); // …sent at the end
        Assert.Null((await PersonAsync("aino@example.fi")).CheckedInAtUtc);
    }

    [Fact]
    public async Task SomeoneWaitingOrCancelledIsRefusedWithAMessage()
    {
        await App.UpdateWorkshopAsync(Rauma, w => w.Capacity = 1);
        var cecilia = await RegisterAsync("Cecilia Cruz", "cecilia@example.fi");
        var bertil = await RegisterAsync("Bertil Berg", "bertil@example.fi"); // waits
        var dora = await RegisterAsync("Dora Dahl", "dora@example.fi"); // waits, then cancels before the start
        var browser = App.Browser();
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, dora + "/cancel"), new Dictionary<string, string?>());
        App.Time.SetUtcNow(Start.AddMinutes(10));
        Assert.NotNull((await Html.GetAsync(browser, cecilia)).QuerySelector("form.self-check-in-form"));
        Assert.Null((await Html.GetAsync(browser, bertil)).QuerySelector("form.self-check-in-form"));
        Assert.Null((await Html.GetAsync(browser, dora)).QuerySelector("form.self-check-in-form"));

        var waiting = await PostCodeAsync(browser, bertil, await CodeNowAsync());
        Assert.Equal("Olet jonossa, joten et voi kirjata saapumistasi itse. Kysy järjestäjältä paikan päällä.", waiting.Text(".error-summary li"));

        // Dora cancelled before the start; the code sent anyway (an old tab, a typed address) is refused. (From the start
        // on nobody cancels any more, so a confirmed person's open form cannot turn into a cancelled one.)
        var cancelled = await PostCodeAsync(browser, dora, await CodeNowAsync());
        Assert.Equal("Ilmoittautumisesi on peruttu, joten saapumista ei voi kirjata. Kysy järjestäjältä paikan päällä.", cancelled.Text(".error-summary li"));

        Assert.Equal(0, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.CheckedInAtUtc != null)));
    }

    [Fact]
    public async Task TheParticipationReportCountsASelfCheckInAsAnArrival()
    {
        var manage = await RegisterAsync("Aino Ääkkönen", "aino@example.fi");
        await RegisterAsync("Bertil Berg", "bertil@example.fi");
        App.Time.SetUtcNow(Start.AddMinutes(3));
        var browser = App.Browser();
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, manage), new Dictionary<string, string?> { ["code"] = await CodeNowAsync() }, "form.self-check-in-form");

        var organiser = await Organisers.SignedInAsync(App);
        var report = await Html.GetAsync(organiser, $"/organiser/report?workshop={Rauma}");

        Assert.Equal(("2", "1"), (report.Text("[data-total='registered']"), report.Text("[data-total='attended']")));
        Assert.Equal("1", (await Html.GetAsync(organiser, "/organiser")).Text($"tr[data-slug='{Rauma}'] [data-count='attended']"));
    }

    [Fact]
    public async Task AWalkInVisitorCountsThemselvesInOncePerFormWithoutGivingAnything()
    {
        App.Time.SetUtcNow(Start.AddMinutes(45));
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, $"/workshops/{Cafe}/here");
        var code = await CodeNowAsync(Cafe);
        Assert.Equal(["Input.Code"], form.QuerySelectorAll("form.count-me-in-form input:not([type=hidden])").Select(i => i.GetAttribute("name")));

        var thanked = await Html.ParseAsync(await Html.SubmitAsync(visitor, form, new Dictionary<string, string?> { ["Input.Code"] = code }, "form.count-me-in-form"));
        Assert.True((await Html.SubmitAsync(visitor, form, new Dictionary<string, string?> { ["Input.Code"] = code }, "form.count-me-in-form")).IsSuccessStatusCode); // a double tap: the same form again
        var next = await Html.GetAsync(visitor, $"/workshops/{Cafe}/here"); // the next person, a fresh form
        var wrong = await Html.ParseAsync(await Html.SubmitAsync(visitor, next, new Dictionary<string, string?> { ["Input.Code"] = "12345" }, "form.count-me-in-form"));
        await Html.SubmitAsync(visitor, next, new Dictionary<string, string?> { ["Input.Code"] = code }, "form.count-me-in-form");

        Assert.Equal("Kiitos, olet mukana kävijämäärässä. Tervetuloa!", thanked.Text(".outcome-main"));
        Assert.StartsWith("Koodi ei kelpaa.", wrong.Text(".error-summary li"));
        Assert.Equal(2, (await App.WorkshopAsync(Cafe)).HeadCount);
        Assert.Equal(2, await App.WithDbAsync(db => db.WalkInVisits.CountAsync()));

        // Only for walk-in events, and only while one is under way.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/workshops/{Rauma}/here")).StatusCode);
        App.Time.SetUtcNow(End.AddMinutes(1));
        Assert.Null((await Html.GetAsync(visitor, $"/workshops/{Cafe}/here")).QuerySelector("form.count-me-in-form"));
        await using var scope = App.Services.CreateAsyncScope();
        var late = await scope.ServiceProvider.GetRequiredService<CheckInService>()
            .CountVisitorAsync((await App.WorkshopAsync(Cafe)).Id, code, Guid.NewGuid());
        Assert.Equal(SelfCheckInOutcome.Over, late.Outcome);
        Assert.Equal(2, (await App.WorkshopAsync(Cafe)).HeadCount);
    }

    [Fact]
    public async Task TheOrganiserSeesTheCodeOnlyWhileTheWorkshopIsUnderWay()
    {
        App.Time.SetUtcNow(Start.AddMinutes(-10));
        var organiser = await Organisers.SignedInAsync(App);
        var before = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/check-in");
        Assert.Null(before.QuerySelector(".venue-code"));
        Assert.Contains("to 3.12.2026 klo 14.00 – to 3.12.2026 klo 16.00", before.Text(".venue-code-later"));

        App.Time.SetUtcNow(Start.AddMinutes(7));
        var during = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/check-in");
        Assert.Matches("^[0-9]{4}$", during.Text(".venue-code .code"));
        Assert.Contains("Koodi vaihtuu klo 14.15", during.Text(".venue-code"));
        var screen = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/check-in/code");
        Assert.Equal(during.Text(".venue-code .code"), screen.Text(".venue-code .code"));
        Assert.Empty(screen.QuerySelectorAll("script:not([src]), [style]"));
    }
}
