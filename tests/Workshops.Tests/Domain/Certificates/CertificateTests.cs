using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using UglyToad.PdfPig;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Certificates;

/// <summary>
/// Certificates of attendance (issue 26), through the real pages: Rauma's workshop on Thursday 3.12.2026 14.00–16.00
/// Helsinki time; Aino (Finnish) is checked in by an organiser, Ben (English) checks himself in with the venue code,
/// Cecilia (Finnish) has a seat but does not come. The PDFs are read back with PdfPig.
/// </summary>
public sealed class CertificateTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterTheEnd = Start.AddHours(3);

    private readonly Dictionary<string, string> _manage = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.UpdateWorkshopAsync(Rauma, w => (w.Date, w.StartTime, w.EndTime) = (new DateOnly(2026, 12, 3), new TimeOnly(14, 0), new TimeOnly(16, 0)));
        foreach (var (name, email, language) in new[] { ("Aino Ääkkönen", "aino@example.fi", "fi"), ("Ben Brown", "ben@example.org", "en"), ("Cecilia Carlsson", "cecilia@example.fi", "fi") })
        {
            await RegistrationSteps.ThroughFormAsync(App, name, email, language: language);
            _manage[email] = Mail.ManagePath(await Smtp.NextMessageAsync());
        }

        App.Time.SetUtcNow(Start.AddMinutes(10));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CheckInService>().SetCheckedInAsync((await PersonAsync("aino@example.fi")).Id, true, Organisers.Email));
        }

        var code = Web.Infrastructure.CheckInCode.VenueCode((await App.WorkshopAsync(Rauma)).CheckInKey!, App.Time.GetUtcNow());
        var browser = App.Browser();
        var page = await Html.GetAsync(browser, _manage["ben@example.org"]);
        await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { ["code"] = code }, "form.self-check-in-form");
        Assert.True((await PersonAsync("ben@example.org")).SelfCheckedIn);
    }

    [Fact]
    public async Task ACheckedInPersonsCertificateOpensInTheirLanguageWithNameWorkshopDateAndVerificationUrl()
    {
        App.Time.SetUtcNow(AfterTheEnd);
        var workshop = await App.WorkshopAsync(Rauma);
        foreach (var (email, name, title, date) in new[]
        {
            ("aino@example.fi", "Aino Ääkkönen", workshop.Title.Fi, "3.12.2026"),
            ("ben@example.org", "Ben Brown", workshop.Title.En, "3 December 2026"),
        })
        {
            var browser = App.Browser();
            var (text, code) = await DownloadAsync(browser, email);
            Assert.Contains(Squash(name), text);
            Assert.Contains(Squash(title), text);
            Assert.Contains(date.Replace(" ", ""), text);
            Assert.Contains($"https://workshops.test/certificates/{code}", text);
            Assert.DoesNotContain(email, text);

            // Again: the same certificate, now a plain link on the personal page.
            var again = await Html.GetAsync(browser, _manage[email]);
            Assert.NotNull(again.QuerySelector("a[data-certificate=download]"));
            var second = await browser.GetAsync(_manage[email] + "/certificate");
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Contains(code, Text(await second.Content.ReadAsByteArrayAsync()));
        }

        Assert.Equal(2, await App.WithDbAsync(db => db.Certificates.CountAsync()));
    }

    [Fact]
    public async Task TheVerificationPageAnswersGenuineWithNameWorkshopAndDateOnlyAndNotFoundForAnAlteredCode()
    {
        App.Time.SetUtcNow(AfterTheEnd);
        var (_, code) = await DownloadAsync(App.Browser(), "aino@example.fi");
        var anyone = App.Browser();

        var response = await anyone.GetAsync($"/certificates/{code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-verdict=genuine]"));
        Assert.Equal(["Aino Ääkkönen", (await App.WorkshopAsync(Rauma)).Title.Fi, "3.12.2026"], page.QuerySelectorAll("main dl.facts dd").Select(d => d.TextContent.Trim()));
        Assert.DoesNotContain("aino@example.fi", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("meta[name=robots][content*=noindex]"));

        var altered = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        foreach (var wrong in new[] { altered, "not-a-code", code + "x", code.ToUpperInvariant() })
        {
            var answer = await anyone.GetAsync($"/certificates/{wrong}");
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var shown = await Html.ParseAsync(answer);
            Assert.NotNull(shown.QuerySelector("[data-verdict=not-found]"));
            Assert.DoesNotContain("Aino", shown.Body!.TextContent);
        }
    }

    [Fact]
    public async Task SomeoneWhoDidNotAttendGetsNoLinkAndNoCertificateAndNobodyGetsOneBeforeTheEnd()
    {
        var browser = App.Browser();
        // Under way: even Aino, who is checked in, gets nothing yet.
        Assert.Null((await Html.GetAsync(browser, _manage["aino@example.fi"])).QuerySelector("[data-certificate]"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(_manage["aino@example.fi"] + "/certificate")).StatusCode);

        App.Time.SetUtcNow(AfterTheEnd);
        var page = await Html.GetAsync(browser, _manage["cecilia@example.fi"]);
        Assert.Null(page.QuerySelector("[data-certificate]"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(_manage["cecilia@example.fi"] + "/certificate")).StatusCode);
        // Posting the form the page did not offer (with the personal page's own antiforgery token) issues nothing either.
        var aino = await Html.GetAsync(browser, _manage["aino@example.fi"]);
        var token = aino.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await browser.PostAsync(_manage["cecilia@example.fi"] + "/certificate", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Certificates.CountAsync()));
    }

    [Fact]
    public async Task AfterThePurgeTheCertificateStillVerifiesWithTheNameAndAfterErasureItAnswersWithdrawn()
    {
        App.Time.SetUtcNow(AfterTheEnd);
        var (_, ainos) = await DownloadAsync(App.Browser(), "aino@example.fi");
        var (_, bens) = await DownloadAsync(App.Browser(), "ben@example.org");

        // Ben asks to be erased: his certificate is withdrawn and loses his name.
        var ben = await PersonAsync("ben@example.org");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync(ben.WorkshopId, ben.Id, Organisers.Email));
        }

        var withdrawn = await Html.GetAsync(App.Browser(), $"/certificates/{bens}");
        Assert.NotNull(withdrawn.QuerySelector("[data-verdict=withdrawn]"));
        Assert.DoesNotContain("Ben", withdrawn.Body!.TextContent);
        Assert.Equal(PersonalData.ErasedName, await App.WithDbAsync(db => db.Certificates.Where(c => c.Code == bens).Select(c => c.HolderName).SingleAsync()));

        // 91 days later the workshop's purge erases everyone's details, but Aino's certificate keeps her name.
        App.Time.Advance(TimeSpan.FromDays(92));
        await App.Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None);
        var aino = await App.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == _ainoId));
        Assert.Equal(PersonalData.ErasedName, aino.Name);
        var genuine = await Html.GetAsync(App.Browser(), $"/certificates/{ainos}");
        Assert.NotNull(genuine.QuerySelector("[data-verdict=genuine]"));
        Assert.Contains("Aino Ääkkönen", genuine.QuerySelector("main dl.facts")!.TextContent);
        Assert.Equal(["Aino Ääkkönen"], await App.WithDbAsync(db => db.Certificates.Where(c => c.HolderName.Contains("Aino")).Select(c => c.HolderName).ToListAsync()));
        // Her personal page is gone with her links; the certificate stays verifiable, the PDF is no longer downloadable.
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync(_manage["aino@example.fi"] + "/certificate")).StatusCode);

        // Five years (Certificates__RetentionYears) after the workshop it is deleted: "not found".
        App.Time.SetUtcNow(new DateTimeOffset(2031, 12, 4, 10, 0, 0, TimeSpan.Zero));
        await App.Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/certificates/{ainos}")).StatusCode);
    }

    [Fact]
    public async Task SendingAllCertificatesEmailsOnePdfToEachAttendedPersonInTheirLanguageAndNothingOnASecondClick()
    {
        var organiser = await Organisers.SignedInAsync(App);
        var before = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/certificates");
        Assert.NotNull(before.QuerySelector("[data-state=too-early]"));

        App.Time.SetUtcNow(AfterTheEnd);
        var page = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/certificates");
        Assert.Equal(("2", "0", "2"), (page.Text("[data-count=attended]"), page.Text("[data-count=sent]"), page.Text("[data-count=not-yet-sent]")));
        var after = await Html.ParseAsync(await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>()));
        Assert.Equal(("2", "0"), (after.Text("[data-count=sent]"), after.Text("[data-count=not-yet-sent]")));

        var messages = new[] { await Smtp.NextMessageAsync(), await Smtp.NextMessageAsync() }.OrderBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(["aino@example.fi", "ben@example.org"], messages.Select(m => m.To.Mailboxes.Single().Address));
        foreach (var (message, name, subject) in messages.Zip(new[] { ("Aino Ääkkönen", "Todistus osallistumisesta"), ("Ben Brown", "Certificate of attendance") }, (m, e) => (m, e.Item1, e.Item2)))
        {
            Assert.StartsWith(subject, message.Subject);
            var pdf = message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "application/pdf");
            using var bytes = new MemoryStream();
            await pdf.Content!.DecodeToAsync(bytes);
            Assert.Contains(Squash(name), Text(bytes.ToArray()));
        }

        // The second click sends nothing new.
        var again = await Html.ParseAsync(await Html.SubmitAsync(organiser, after, new Dictionary<string, string?>()));
        Assert.Equal("2", again.Text("[data-count=sent]"));
        Assert.Equal(2, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == EmailKind.Certificate)));
        Assert.Equal(2, await App.WithDbAsync(db => db.Certificates.CountAsync()));
    }

    private int _ainoId;

    private async Task<Registration> PersonAsync(string email)
    {
        var person = await App.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Email == email));
        if (email.StartsWith("aino", StringComparison.Ordinal))
        {
            _ainoId = person.Id;
        }

        return person;
    }

    /// <summary>Presses the personal page's certificate button; returns the PDF's text (spaces removed) and the certificate's code.</summary>
    private async Task<(string Text, string Code)> DownloadAsync(HttpClient browser, string email)
    {
        var page = await Html.GetAsync(browser, _manage[email]);
        var response = await Html.PressAsync(browser, page, "button[data-certificate=issue]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // Left beside the tests for a look (docs/screenshots/certificate.png is made from it).
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, $"certificate-{email[..email.IndexOf('@')]}.pdf"), bytes);
        var id = (await PersonAsync(email)).Id;
        var code = await App.WithDbAsync(db => db.Certificates.Where(c => c.RegistrationId == id).Select(c => c.Code).SingleAsync());
        return (Text(bytes), code);
    }

    /// <summary>The PDF's text with all white space removed (PdfPig's spacing between drawn runs is not the typed one).</summary>
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squash(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
