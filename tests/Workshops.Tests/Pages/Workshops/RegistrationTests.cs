using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Workshops.Tests.Support;
using Workshops.Web.Domain;

namespace Workshops.Tests.Pages.Workshops;

public sealed class RegistrationTests : IDisposable
{
    private const string Rauma = "rauma-yksinaisyys";
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<IDocument> RegisterAsync(HttpClient browser, Dictionary<string, string?> values, string slug = Rauma)
    {
        var form = await Html.GetAsync(browser, $"/workshops/{slug}");
        var response = await Html.SubmitAsync(browser, form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [Fact]
    public async Task RegistrationLandsInTheSqliteFileAndShowsTheSeat()
    {
        var page = await RegisterAsync(_app.Browser(), People.Registration());

        Assert.Equal($"/workshops/{Rauma}/registered", page.Location.PathName);
        Assert.Equal("Paikkasi on vahvistettu", page.Text("h1"));
        var rows = await _app.RegistrationsInFileAsync(Rauma);
        var row = Assert.Single(rows);
        Assert.Equal(("aino@example.fi", "Confirmed"), (row.Email, row.Status));
    }

    [Fact]
    public async Task ResultPageSurvivesARefreshAndNamesTheAddressButNotInAnotherBrowser()
    {
        var browser = _app.Browser();
        await RegisterAsync(browser, People.Registration());

        var refreshed = await Html.GetAsync(browser, $"/workshops/{Rauma}/registered");
        Assert.Equal($"/workshops/{Rauma}/registered", refreshed.Location.PathName);
        Assert.Equal("Paikkasi on vahvistettu", refreshed.Text("h1"));
        Assert.Contains("aino@example.fi", refreshed.Text("main"));
        var again = await Html.GetAsync(browser, $"/workshops/{Rauma}/registered");
        Assert.Contains("aino@example.fi", again.Text("main"));

        var stranger = await Html.GetAsync(_app.Browser(), $"/workshops/{Rauma}/registered");
        Assert.Equal($"/workshops/{Rauma}", stranger.Location.PathName);
        Assert.DoesNotContain("aino@example.fi", stranger.Text("main"));
    }

    [Theory]
    [InlineData("anna@exämple.fi", "anna@xn--exmple-cua.fi")]
    [InlineData("anna@exa\u0308mple.fi", "ANNA@EXÄMPLE.FI")]
    [InlineData("a\u0308nna@example.fi", "änna@example.fi")]
    public async Task TheSameMailboxWrittenTwoWaysIsOnePerson(string first, string second)
    {
        first = System.Text.RegularExpressions.Regex.Unescape(first);
        var page = await RegisterAsync(_app.Browser(), People.Registration(email: first));
        Assert.Equal("Paikkasi on vahvistettu", page.Text("h1"));
        await RegisterAsync(_app.Browser(), People.Registration(email: second));

        var row = Assert.Single(await _app.RegistrationsInFileAsync(Rauma));
        Assert.True(row.Email.IsNormalized(System.Text.NormalizationForm.FormC), "stored address is not NFC: " + row.Email);
    }

    [Fact]
    public async Task StoredRegistrationKeepsEveryFieldAsTyped()
    {
        var values = People.Registration(name: "  Åsa Öberg-Ünal 漢字 🎉 ", email: "Asa.Oberg@Example.FI");
        values["Input.Organisation"] = "<b>Föreningen</b> \"Ström\"";
        values["Input.Group"] = "SocialEnterprise";
        values["Input.Language"] = "sv";
        await RegisterAsync(_app.Browser(), values);

        var stored = await _app.WithDbAsync(db => Task.FromResult(db.Registrations.Single()));
        Assert.Equal("Åsa Öberg-Ünal 漢字 🎉", stored.Name);
        Assert.Equal("Asa.Oberg@Example.FI", stored.Email);
        Assert.Equal("asa.oberg@example.fi", stored.EmailNormalized);
        Assert.Equal("<b>Föreningen</b> \"Ström\"", stored.Organisation);
        Assert.Equal(HelixGroup.SocialEnterprise, stored.Group);
        Assert.Equal("Gluteeniton", stored.Needs);
        Assert.Equal("sv", stored.Language);
        Assert.Equal(WorkshopsFactory.DefaultNow.UtcDateTime, stored.ConsentedAtUtc);
    }

    public static TheoryData<string, string?, string> InvalidFields => new()
    {
        { "Input.Name", "", "Kirjoita nimesi." },
        { "Input.Name", new string('x', 201), "Nimi voi olla enintään 200 merkkiä pitkä." },
        { "Input.Name", "Aino\nBcc: evil", "Poista tekstistä rivinvaihdot ja erikoismerkit." },
        { "Input.Email", "", "Kirjoita sähköpostiosoitteesi." },
        { "Input.Email", "aino-at-example.fi", "Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi." },
        { "Input.Organisation", new string('o', 201), "Organisaation nimi voi olla enintään 200 merkkiä pitkä." },
        { "Input.Group", null, "Valitse, mitä ryhmää edustat." },
        { "Input.Group", "Martians", "Tarkista tämän kentän arvo." },
        { "Input.Needs", new string('n', 1001), "Kirjoita enintään 1000 merkkiä." },
        { "Input.Language", "de", "Valitse kieli." },
        { "Input.Consent", null, "Ilmoittautuminen edellyttää, että hyväksyt tietojesi käsittelyn." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task EachValidationErrorIsShownNextToItsFieldWithTheInputKept(string field, string? value, string message)
    {
        var values = People.Registration();
        values[field] = value;

        var page = await RegisterAsync(_app.Browser(), values);

        var id = field.Replace('.', '_');
        Assert.Equal(message, page.Text($"#{id}-error"));
        var summaryLink = Assert.Single(page.QuerySelectorAll(".error-summary a"));
        Assert.Equal($"#{id}", summaryLink.GetAttribute("href"));
        Assert.Equal(message, summaryLink.TextContent);
        Assert.Empty(await _app.RegistrationsInFileAsync(Rauma));

        // What the person typed elsewhere is still there.
        if (field != "Input.Name")
        {
            Assert.Equal("Aino Ääkkönen", page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        }

        if (field != "Input.Organisation")
        {
            Assert.Equal("Rauman kaupunki", page.QuerySelector<IHtmlInputElement>("#Input_Organisation")!.Value);
        }

        var invalidInput = page.QuerySelector($"#{id}")!;
        if (field != "Input.Group")
        {
            Assert.Equal("true", invalidInput.GetAttribute("aria-invalid"));
            Assert.Contains($"{id}-error", invalidInput.GetAttribute("aria-describedby"));
        }
    }

    [Fact]
    public async Task PersonalFieldsTellBrowsersWhatToFillIn()
    {
        // WCAG 1.3.5: fields about the person declare their purpose, so browsers and assistive tools can fill them.
        var page = await Html.GetAsync(_app.Browser(), $"/workshops/{Rauma}");

        Assert.Equal("name", page.QuerySelector("#Input_Name")!.GetAttribute("autocomplete"));
        Assert.Equal("email", page.QuerySelector("#Input_Email")!.GetAttribute("autocomplete"));
        Assert.Equal("organization", page.QuerySelector("#Input_Organisation")!.GetAttribute("autocomplete"));
        Assert.Equal("language", page.QuerySelector("#Input_Language")!.GetAttribute("autocomplete"));
        Assert.Equal("off", page.QuerySelector("#Input_Website")!.GetAttribute("autocomplete")); // the honeypot stays empty
    }

    [Fact]
    public async Task SameEmailTwiceGetsNoSecondSeatAndSeesItsExistingOutcome()
    {
        await RegisterAsync(_app.Browser(), People.Registration());
        var again = await RegisterAsync(_app.Browser(), People.Registration(name: "Aino again", email: "AINO@example.fi "));

        // The same page a new registration gets: nothing tells a visitor the address was already registered.
        Assert.Equal("Paikkasi on vahvistettu", again.Text("h1"));
        Assert.Contains("Sinulla on paikka työpajassa.", again.Text(".outcome"));
        Assert.Single(await _app.RegistrationsInFileAsync(Rauma));
    }

    [Theory]
    [InlineData("j\u00e4\u00e4@example.fi", "ja\u0308a\u0308@example.fi")] // the same letters, composed and decomposed (NFC, NFD)
    [InlineData("aino@b\u00fccher.fi", "AINO@BU\u0308CHER.FI")] // an IDN domain, composed, then decomposed and in capitals
    public async Task TheSameMailboxSpelledInAnotherUnicodeFormGetsNoSecondSeat(string first, string again)
    {
        // Found by the attack-minded pass: "jää" typed on a Mac (NFD) and on Windows (NFC) is one mailbox, but took two rows.
        await RegisterAsync(_app.Browser(), People.Registration(email: first));
        await RegisterAsync(_app.Browser(), People.Registration(name: "Aino again", email: again));

        Assert.Single(await _app.RegistrationsInFileAsync(Rauma));
    }

    [Fact]
    public async Task AnOutcomeIsNeverShownUnderAnotherWorkshopsTitle()
    {
        // Found by the attack-minded pass: the outcome travels in TempData without its workshop, so Rauma's
        // waiting-list place showed under the webinar's title and facts when that page was opened next.
        await _app.UpdateWorkshopAsync(Rauma, w => w.Capacity = 0);
        var browser = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        var posted = await Html.SubmitAsync(browser, form, People.Registration());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var elsewhere = await browser.GetAsync("/workshops/korkeakoulut-ja-yritykset-webinaari/registered");

        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal($"/workshops/{Rauma}/registered", elsewhere.Headers.Location!.OriginalString);
        var own = await Html.ParseAsync(await browser.GetAsync(elsewhere.Headers.Location));
        Assert.Equal("Olet jonossa", own.Text("h1"));
        Assert.Contains("Yhdessä yksinäisyyttä vastaan", own.Text("main"));
    }

    [Fact]
    public async Task FullWorkshopPutsNextPeopleOnTheWaitingListWithTheirPosition()
    {
        await _app.UpdateWorkshopAsync(Rauma, w => w.Capacity = 1);

        var first = await RegisterAsync(_app.Browser(), People.Registration(email: "first@example.fi"));
        var second = await RegisterAsync(_app.Browser(), People.Registration(email: "second@example.fi"));
        var third = await RegisterAsync(_app.Browser(), People.Registration(email: "third@example.fi"));

        Assert.Equal("Paikkasi on vahvistettu", first.Text("h1"));
        Assert.Equal("Olet jonossa", second.Text("h1"));
        Assert.Contains("sijalla 1.", second.Text(".outcome"));
        Assert.Contains("sijalla 2.", third.Text(".outcome"));

        var programme = await Html.GetAsync(_app.Browser(), "/");
        Assert.Contains("Täynnä – ilmoittaudu jonoon", programme.QuerySelectorAll(".programme > li")[0].TextContent);
        var form = await Html.GetAsync(_app.Browser(), $"/workshops/{Rauma}");
        Assert.Equal("Ilmoittaudu jonoon", form.Text("main form button"));
    }

    [Fact]
    public async Task SeatsLeftAreShownAndCountDown()
    {
        await _app.UpdateWorkshopAsync(Rauma, w => w.Capacity = 3);
        await RegisterAsync(_app.Browser(), People.Registration());

        var page = await Html.GetAsync(_app.Browser(), $"/workshops/{Rauma}");
        Assert.Equal("2 paikkaa jäljellä", page.Text(".availability"));
    }

    [Fact]
    public async Task ClosedWorkshopSaysSoInsteadOfShowingAForm()
    {
        await _app.UpdateWorkshopAsync(Rauma, w => w.RegistrationDeadline = new DateTime(2026, 11, 1));

        var page = await Html.GetAsync(_app.Browser(), $"/workshops/{Rauma}");

        Assert.Null(page.QuerySelector("main form"));
        Assert.Equal("Ilmoittautuminen on päättynyt", page.Text("#closed-title"));
        Assert.Contains("Ilmoittautumisaika on päättynyt.", page.Text(".notice"));
    }

    [Fact]
    public async Task FormSubmittedAfterTheDeadlinePassedIsRefusedPolitelyAndNothingIsSaved()
    {
        var browser = _app.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        // The person keeps the form open past the deadline, then presses the button.
        await _app.UpdateWorkshopAsync(Rauma, w => w.RegistrationDeadline = new DateTime(2026, 12, 1, 12, 0, 0));
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)); // 12:00 in Helsinki

        var response = await Html.SubmitAsync(browser, form, People.Registration());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Ilmoittautuminen on päättynyt", page.Text("#closed-title"));
        Assert.Empty(await _app.RegistrationsInFileAsync(Rauma));
    }

    [Fact]
    public async Task WalkInCafeTakesInterestWithoutTurningAnyoneAway()
    {
        await _app.UpdateWorkshopAsync("suomiareena-penkkikahvila", w => w.Capacity = 1);

        await RegisterAsync(_app.Browser(), People.Registration(email: "one@example.fi"), "suomiareena-penkkikahvila");
        var second = await RegisterAsync(_app.Browser(), People.Registration(email: "two@example.fi"), "suomiareena-penkkikahvila");

        Assert.Equal("Kiitos, tulosi on kirjattu", second.Text("h1"));
        var rows = await _app.RegistrationsInFileAsync("suomiareena-penkkikahvila");
        Assert.All(rows, r => Assert.Equal("Confirmed", r.Status));
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryTokenIsRejectedAndNothingIsSaved()
    {
        var response = await _app.Browser().PostAsync($"/workshops/{Rauma}", new FormUrlEncodedContent(People.Registration()!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _app.RegistrationsInFileAsync(Rauma));
    }

    [Fact]
    public async Task ResultPageWithoutAFreshRegistrationLeadsBackToTheForm()
    {
        var response = await _app.Browser().GetAsync($"/workshops/{Rauma}/registered");
        Assert.Equal($"/workshops/{Rauma}", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task RestartKeepsTheRegistration()
    {
        await RegisterAsync(_app.Browser(), People.Registration());
        _app.Dispose();

        using var restarted = new WorkshopsFactory(_app.Folder);
        var again = await RegisterAsync(restarted.Browser(), People.Registration());

        Assert.Equal("Paikkasi on vahvistettu", again.Text("h1"));
        Assert.Single(await restarted.RegistrationsInFileAsync(Rauma));
        Assert.Equal(5, await restarted.WithDbAsync(db => Task.FromResult(db.Workshops.Count())));
    }
}
