using System.Net;
using Workshops.Tests.Support;

namespace Workshops.Tests.Localization;

/// <summary>Validation messages come in the language the form was posted in.</summary>
public sealed class LocalizedValidationTests : IDisposable
{
    private const string Rauma = "/workshops/rauma-yksinaisyys";
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string, string?, string> Messages => new()
    {
        { "sv", "Input.Name", "", "Skriv ditt namn." },
        { "sv", "Input.Name", new string('x', 201), "Namnet får vara högst 200 tecken långt." },
        { "sv", "Input.Name", "Aino\nBcc: evil", "Ta bort radbytena och specialtecknen ur texten." },
        { "sv", "Input.Email", "aino-at-example.fi", "Kontrollera e-postadressen, till exempel namn@exempel.fi." },
        { "sv", "Input.Group", "Martians", "Kontrollera värdet i det här fältet." },
        { "sv", "Input.Needs", "a\u202Eb", "Ta bort specialtecknen ur texten." },
        { "sv", "Input.Consent", null, "För att anmäla dig måste du godkänna att dina uppgifter behandlas." },
        { "en", "Input.Name", "", "Enter your name." },
        { "en", "Input.Organisation", new string('o', 201), "The organisation name can be at most 200 characters long." },
        { "en", "Input.Email", "aino-at-example.fi", "Check the email address, for example name@example.com." },
        { "en", "Input.Group", null, "Choose which group you represent." },
        { "en", "Input.Language", "de", "Choose a language." },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task FormPostedWithCultureQueryAnswersInThatLanguage(string language, string field, string? value, string message)
    {
        var browser = _app.Browser();
        var form = await Html.GetAsync(browser, $"{Rauma}?culture={language}");
        var values = People.Registration();
        values[field] = value;

        var response = await Html.SubmitAsync(browser, form, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(message, page.Text($"#{field.Replace('.', '_')}-error"));
        Assert.Equal(message, page.Text(".error-summary a"));
        Assert.Empty(await _app.RegistrationsInFileAsync("rauma-yksinaisyys"));
    }

    [Fact]
    public async Task FormPostedAfterChoosingSwedishAnswersInSwedishAndRegistersInSwedish()
    {
        var browser = _app.Browser();
        await browser.GetAsync($"/language/sv?returnUrl={Uri.EscapeDataString(Rauma)}");
        var form = await Html.GetAsync(browser, Rauma);
        Assert.Equal("sv", form.QuerySelector("select[name='Input.Language'] option[selected]")!.GetAttribute("value"));
        var values = People.Registration();
        values.Remove("Input.Language"); // keep what the form offers
        values["Input.Name"] = "";

        var invalid = await Html.ParseAsync(await Html.SubmitAsync(browser, form, values));
        Assert.Equal("Kontrollera följande", invalid.Text(".error-summary h2"));
        Assert.Equal("Skriv ditt namn.", invalid.Text("#Input_Name-error"));

        values["Input.Name"] = "Åsa Öberg";
        var done = await Html.ParseAsync(await Html.SubmitAsync(browser, invalid, values));
        Assert.Equal("Din plats är bekräftad", done.Text("h1"));
        var stored = await _app.WithDbAsync(db => Task.FromResult(db.Registrations.Single()));
        Assert.Equal("sv", stored.Language);
    }
}
