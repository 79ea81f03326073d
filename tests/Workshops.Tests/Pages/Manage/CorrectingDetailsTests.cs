using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Tests.Support.Browser;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Pages.Manage;

/// <summary>
/// A person corrects their details on their own page, through the real form (antiforgery token and all), over a
/// real SMTP server: the same rules as registering, one confirmation, and nothing else about the registration moves.
/// </summary>
public class CorrectingDetailsTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;

    /// <summary>Registers through the public form and returns the personal link from the confirmation email.</summary>
    private async Task<(string Link, MimeMessage Confirmation)> RegisterAsync(string name = "Aino Ääkkönen", string email = "aino@example.fi")
    {
        await RegistrationSteps.ThroughFormAsync(App, name, email, needs: "Gluteeniton");
        var confirmation = await Smtp.NextMessageAsync();
        return (Mail.ManagePath(confirmation), confirmation);
    }

    private async Task<(HttpClient Browser, IDocument Form)> CorrectionFormAsync(string link)
    {
        var browser = App.Browser();
        return (browser, await Html.GetAsync(browser, link + "/correct"));
    }

    private Task<Registration> StoredAsync(string email) =>
        App.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Email == email));

    private Task<List<OutgoingEmail>> OutboxAsync() =>
        App.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().OrderBy(e => e.CreatedAtUtc).ToListAsync());

    private static string CalendarSequence(MimeMessage message)
    {
        var attachment = message.Attachments.OfType<MimePart>().Single(a => a.FileName?.EndsWith(".ics", StringComparison.Ordinal) == true);
        using var stream = new MemoryStream();
        attachment.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n").Single(l => l.StartsWith("SEQUENCE:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CorrectingTheNameSendsOneConfirmationWithTheNewDetailsAndMovesNothingElse()
    {
        var (link, confirmation) = await RegisterAsync();
        var before = await StoredAsync("aino@example.fi");
        var (browser, form) = await CorrectionFormAsync(link);
        Assert.Equal("Aino Ääkkönen", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Null(form.QuerySelector("#Input_Email")); // the address is the registration's identity
        Assert.Contains("aino@example.fi", form.Text("main"));
        Assert.Contains("peru tämä ilmoittautuminen ja ilmoittaudu uudelleen oikealla osoitteella", form.Text("main"));
        Assert.Equal("Aino Ääkkönen", (await StoredAsync("aino@example.fi")).Name); // opening the form changed nothing

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.Name"] = "  Aino Åkerlund  ",
            ["Input.Group"] = "Citizen",
            ["Input.Email"] = "someone.else@example.fi", // not a field of this form: ignored
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(link, response.RequestMessage!.RequestUri!.AbsolutePath); // post/redirect/get to the personal page
        var page = await Html.ParseAsync(response);
        Assert.Contains("Tietosi on päivitetty. Lähetimme vahvistuksen sähköpostiisi.", page.Text("[role=status]"));
        Assert.Contains("Aino Åkerlund", page.Text("main"));

        var after = await StoredAsync("aino@example.fi");
        Assert.Equal("Aino Åkerlund", after.Name);
        Assert.Equal(HelixGroup.Citizen, after.Group);
        Assert.Equal("Rauman kaupunki", after.Organisation);
        Assert.Equal("Gluteeniton", after.Needs);
        Assert.Equal((before.Id, before.Status, before.CreatedAtUtc, before.CalendarRound, before.Email, before.Language),
            (after.Id, after.Status, after.CreatedAtUtc, after.CalendarRound, after.Email, after.Language));

        var message = await Smtp.NextMessageAsync();
        Assert.Equal("aino@example.fi", message.To.Mailboxes.Single().Address);
        Assert.Equal("Aino Åkerlund", message.To.Mailboxes.Single().Name);
        Assert.StartsWith("Tietosi on päivitetty: Yhdessä yksinäisyyttä vastaan", message.Subject);
        Assert.Contains("Hei Aino Åkerlund,", message.TextBody);
        Assert.Contains("Nimi: Aino Åkerlund\n", message.TextBody);
        Assert.Contains("Ryhmä: Kansalainen", message.TextBody);
        Assert.Contains("Organisaatio: Rauman kaupunki", message.TextBody);
        Assert.Contains("Paikkasi tai jonotilanteesi ei muuttunut.", message.TextBody);
        Assert.Contains("Aino Åkerlund", message.HtmlBody);
        // The calendar entry keeps its SEQUENCE: nothing about the time or place changed (docs/email.md).
        Assert.Equal(CalendarSequence(confirmation), CalendarSequence(message));
        var linked = await Html.GetAsync(App.Browser(), Mail.ManagePath(message));
        Assert.Contains("Aino Åkerlund", linked.Text("main"));

        var outbox = await OutboxAsync();
        Assert.Equal([EmailKind.Confirmed, EmailKind.DetailsCorrected], outbox.Select(e => e.Kind));
    }

    [Fact]
    public async Task SavingTheFormAsItWasSaysSoAndSendsNothing()
    {
        var (link, _) = await RegisterAsync();
        var (browser, form) = await CorrectionFormAsync(link);

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?> { ["Input.Name"] = "Aino Ääkkönen " });

        var page = await Html.ParseAsync(response);
        Assert.Equal(link, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Et muuttanut tietojasi, joten mitään ei tallennettu eikä viestiä lähetetty.", page.Text("[role=status]"));
        Assert.Equal([EmailKind.Confirmed], (await OutboxAsync()).Select(e => e.Kind));
    }

    [Fact]
    public async Task BadInputInEveryFieldIsShownNextToEachFieldAtOnceAndNothingIsSaved()
    {
        var (link, _) = await RegisterAsync();
        var (browser, form) = await CorrectionFormAsync(link);

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.Name"] = "   ",
            ["Input.Organisation"] = new string('x', Registration.OrganisationMaxLength + 1),
            ["Input.Group"] = "Astronauts",
            ["Input.Needs"] = "Gluteeniton\u0007",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.EndsWith("/correct", page.Location.PathName);
        foreach (var (field, message) in new[]
        {
            ("Name", "Kirjoita nimesi."),
            ("Organisation", "Organisaation nimi voi olla enintään 200 merkkiä pitkä."),
            ("Group", "Tarkista tämän kentän arvo."), // a value no radio button offers: the model binder's message, as on the registration form
            ("Needs", "Poista tekstistä erikoismerkit."),
        })
        {
            Assert.Equal(message, page.Text($"#Input_{field}-error"));
            Assert.Equal("true", page.QuerySelector($"#Input_{field}")!.GetAttribute("aria-invalid"));
        }

        Assert.Equal(["#Input_Name", "#Input_Organisation", "#Input_Group", "#Input_Needs"],
            page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        var stored = await StoredAsync("aino@example.fi");
        Assert.Equal(("Aino Ääkkönen", "Rauman kaupunki", HelixGroup.Municipal, "Gluteeniton"), (stored.Name, stored.Organisation, stored.Group, stored.Needs));
        Assert.Equal([EmailKind.Confirmed], (await OutboxAsync()).Select(e => e.Kind));

        // One field fixed, the others still wrong: still nothing saved, and the fixed one no longer flagged.
        var again = await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["Input.Name"] = "Aino Åkerlund" });
        var second = await Html.ParseAsync(again);
        Assert.Null(second.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid"));
        Assert.Equal(3, second.QuerySelectorAll(".error-summary a").Length);
        Assert.Equal("Aino Ääkkönen", (await StoredAsync("aino@example.fi")).Name);
    }

    [Fact]
    public async Task ACancelledRegistrationCannotBeCorrectedAndThePersonIsToldWhy()
    {
        var (link, _) = await RegisterAsync();
        var (browser, form) = await CorrectionFormAsync(link);
        var other = App.Browser(); // cancelled in another tab while the form was open
        await Html.SubmitAsync(other, await Html.GetAsync(other, link + "/cancel"), new Dictionary<string, string?>());

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?> { ["Input.Name"] = "Aino Åkerlund" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(link, response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Ilmoittautumisesi on peruttu, joten tietojasi ei voi enää muuttaa.", page.Text("[role=status]"));
        Assert.Null(page.QuerySelector("a[href$='/correct']"));
        Assert.Equal("Aino Ääkkönen", (await StoredAsync("aino@example.fi")).Name);
        Assert.DoesNotContain(EmailKind.DetailsCorrected, (await OutboxAsync()).Select(e => e.Kind));

        var reopened = await App.Browser().GetAsync(link + "/correct");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Contains("tietojasi ei voi enää muuttaa", (await Html.ParseAsync(reopened)).Text("[role=status]"));
    }

    [Fact]
    public async Task TheServiceDecidesOnTheStatusInsideItsTransactionNotOnACopyLoadedBefore()
    {
        await RegisterAsync();
        var loaded = await StoredAsync("aino@example.fi"); // what a page looked up before the other tab's cancel
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.Equal(CancelOutcome.Cancelled, await scope.ServiceProvider.GetRequiredService<RegistrationService>().CancelAsync(loaded.Id));
        }

        await using var correcting = App.Services.CreateAsyncScope();
        var outcome = await correcting.ServiceProvider.GetRequiredService<RegistrationService>()
            .CorrectDetailsAsync(loaded.Id, new RegistrantDetails("Aino Åkerlund", null, HelixGroup.Other, null));

        Assert.Equal(new CorrectionResult(CorrectionOutcome.NotCorrectable), outcome);
        Assert.Equal("Aino Ääkkönen", (await StoredAsync("aino@example.fi")).Name);
        Assert.DoesNotContain(EmailKind.DetailsCorrected, (await OutboxAsync()).Select(e => e.Kind));
    }

    [Fact]
    public async Task CorrectingAWaitlistedPersonKeepsTheirPlaceInTheQueue()
    {
        await App.UpdateWorkshopAsync(Rauma, w => w.Capacity = 1);
        var (first, _) = await RegisterAsync("Aino", "aino@example.fi");
        var (second, _) = await RegisterAsync("Bertil", "bertil@example.fi");
        await RegisterAsync("Cecilia", "cecilia@example.fi");

        var (browser, form) = await CorrectionFormAsync(second);
        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?> { ["Input.Name"] = "Bertil Blom", ["Input.Organisation"] = "" });

        var page = await Html.ParseAsync(response);
        Assert.Contains("Olet jonossa sijalla 1.", page.Text("main"));
        var corrected = await Smtp.NextMessageAsync();
        Assert.Contains("Olet jonossa", page.Text("main"));
        Assert.DoesNotContain("Organisaatio:", corrected.TextBody);
        Assert.Null((await StoredAsync("bertil@example.fi")).Organisation);
        Assert.Equal(["Confirmed", "Waitlisted", "Waitlisted"], (await App.RegistrationsInFileAsync(Rauma)).Select(r => r.Status));

        // The first seat that opens goes to the corrected person, who has waited longest.
        var cancel = App.Browser();
        await Html.SubmitAsync(cancel, await Html.GetAsync(cancel, first + "/cancel"), new Dictionary<string, string?>());
        var stored = await App.WithDbAsync(db => db.Registrations.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Email, r.Status }).ToListAsync());
        Assert.Equal(RegistrationStatus.Confirmed, stored.Single(r => r.Email == "bertil@example.fi").Status);
        Assert.Equal(RegistrationStatus.Waitlisted, stored.Single(r => r.Email == "cecilia@example.fi").Status);
    }

    [Fact]
    public async Task HostileTextRoundTripsExactlyThroughCorrectionDatabaseEmailAndCsv()
    {
        // Markup, quotes, an encoded-word look-alike, SQL, astral-plane and combining characters, right-to-left text.
        const string name = "<script>alert(1)</script> \"Zoë\" O'Brien =?utf-8?b?SGk=?= 🎉 e\u0301 שלום";
        const string organisation = "Robert'); DROP TABLE Registrations;-- & <b>Co</b> 漢字";
        const string needs = "</textarea><svg onload=alert(1)>\nPyörätuoli {{7*7}} ${jndi:x}";
        var (link, _) = await RegisterAsync();
        var (browser, form) = await CorrectionFormAsync(link);

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.Name"] = name,
            ["Input.Organisation"] = organisation,
            ["Input.Needs"] = needs,
        });

        var page = await Html.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll("main script, main svg, main b"));
        var nfcName = name.Normalize(System.Text.NormalizationForm.FormC); // stored as NFC, as registering does
        var stored = await StoredAsync("aino@example.fi");
        Assert.Equal((nfcName, organisation, needs), (stored.Name, stored.Organisation, stored.Needs));

        var message = await Smtp.NextMessageAsync();
        Assert.Equal(nfcName, message.To.Mailboxes.Single().Name);
        Assert.Contains($"Nimi: {nfcName}\n", message.TextBody);
        Assert.Contains($"Organisaatio: {organisation}\n", message.TextBody);
        Assert.Contains($"Tarpeet: {needs}\n", message.TextBody);
        var html = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(message.HtmlBody));
        Assert.Empty(html.QuerySelectorAll("script, svg, b"));
        var cells = html.QuerySelectorAll("th[scope=row]").ToDictionary(th => th.TextContent, th => th.NextElementSibling!.TextContent);
        Assert.Equal((nfcName, organisation, needs), (cells["Nimi"], cells["Organisaatio"], cells["Tarpeet"]));

        var organiser = await Organisers.SignedInAsync(App);
        var csv = await organiser.GetByteArrayAsync($"/organiser/workshops/{Rauma}?handler=Csv");
        var row = Exports.ExportTests.ParseCsv(System.Text.Encoding.UTF8.GetString(csv.AsSpan(3))).Single(r => r[1] == "aino@example.fi");
        Assert.Equal((nfcName, organisation, needs), (row[0], row[2], row[4]));
    }
}

/// <summary>The same corrections on PostgreSQL, where the workshop's row lock (FOR UPDATE) orders them with cancellations.</summary>
public sealed class CorrectingDetailsTestsOnPostgreSQL : CorrectingDetailsTests
{
    protected override global::Workshops.Web.Data.DatabaseProvider Provider => global::Workshops.Web.Data.DatabaseProvider.PostgreSQL;
}
