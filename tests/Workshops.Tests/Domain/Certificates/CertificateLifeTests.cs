using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Tests.Domain.Certificates;

/// <summary>
/// A certificate over the rest of its workshop's life (issue 26): what happens to one already issued when the arrival it
/// certifies is taken back, when the holder is erased, when the organiser tries to cancel or move the held workshop, and the
/// certificate of someone added at the door without an email address. Rauma's workshop on Thursday 3.12.2026 14.00–16.00
/// Helsinki time; Aino (Finnish) is marked arrived by a door helper through the check-in page, Ben (English) checks himself
/// in with the venue code; both take their certificate from their own page after the end.
/// </summary>
public sealed class CertificateLifeTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string DoorHelper = "ovi@example.fi";
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterTheEnd = Start.AddHours(3);

    private readonly Dictionary<string, string> _manage = [];
    private HttpClient _door = null!;
    private HttpClient _ainoCancelTab = null!;
    private IDocument _ainoCancelPage = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.UpdateWorkshopAsync(Rauma, w => (w.Date, w.StartTime, w.EndTime) = (new DateOnly(2026, 12, 3), new TimeOnly(14, 0), new TimeOnly(16, 0)));
        foreach (var (name, email, language) in new[] { ("Aino Ääkkönen", "aino@example.fi", "fi"), ("Ben Brown", "ben@example.org", "en") })
        {
            await RegistrationSteps.ThroughFormAsync(App, name, email, language: language);
            _manage[email] = Mail.ManagePath(await Smtp.NextMessageAsync());
        }

        await Organisers.CreateMemberAsync(App, DoorHelper, MemberRole.DoorHelper, Rauma);
        // Aino opens her cancel page before the workshop and leaves the tab open.
        _ainoCancelTab = App.Browser();
        _ainoCancelPage = await Html.GetAsync(_ainoCancelTab, _manage["aino@example.fi"] + "/cancel");

        App.Time.SetUtcNow(Start.AddMinutes(10));
        _door = App.Browser();
        await Organisers.SubmitSignInAsync(_door, DoorHelper, Organisers.Password);
        await MarkAsync(_door, await IdAsync("aino@example.fi"), arrived: true);
        var code = Web.Infrastructure.CheckInCode.VenueCode((await App.WorkshopAsync(Rauma)).CheckInKey!, App.Time.GetUtcNow());
        var browser = App.Browser();
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, _manage["ben@example.org"]), new Dictionary<string, string?> { ["code"] = code }, "form.self-check-in-form");
    }

    [Fact]
    public async Task AnArrivalTakenBackWithdrawsTheCertificateEverywhereAndMarkedAgainTheSameCodeIsValid()
    {
        App.Time.SetUtcNow(AfterTheEnd);
        var ainos = await TakeCertificateAsync("aino@example.fi");
        var bens = await TakeCertificateAsync("ben@example.org");
        var organiser = await Organisers.SignedInAsync(App);

        // The door helper takes back Aino's arrival (marked by the door); the organiser takes back Ben's (marked by himself).
        await MarkAsync(_door, await IdAsync("aino@example.fi"), arrived: false);
        await MarkAsync(organiser, await IdAsync("ben@example.org"), arrived: false);

        foreach (var (email, code, name) in new[] { ("aino@example.fi", ainos, "Aino"), ("ben@example.org", bens, "Ben") })
        {
            var verify = await App.Browser().GetAsync($"/certificates/{code}");
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
            var page = await Html.ParseAsync(verify);
            Assert.NotNull(page.QuerySelector("[data-verdict=withdrawn][data-reason=attendance-undone]"));
            Assert.DoesNotContain(name, page.Body!.TextContent);
            var own = await Html.GetAsync(App.Browser(), _manage[email]);
            Assert.Null(own.QuerySelector("[data-certificate]"));
            Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync(_manage[email] + "/certificate")).StatusCode);
        }

        var counts = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/certificates");
        Assert.Equal(("0", "0", "2", "2"), (counts.Text("[data-count=attended]"), counts.Text("[data-count=issued]"), counts.Text("[data-count=withdrawn]"), counts.Text("[data-count=withdrawn-attendance]")));

        // Marked arrived again (from the paper sheet): the same certificate, the same code, verifies again.
        await MarkAsync(_door, await IdAsync("aino@example.fi"), arrived: true);
        var again = await Html.ParseAsync(await App.Browser().GetAsync($"/certificates/{ainos}"));
        Assert.NotNull(again.QuerySelector("[data-verdict=genuine]"));
        Assert.Contains("Aino Ääkkönen", again.QuerySelector("main dl.facts")!.TextContent);
        Assert.NotNull((await Html.GetAsync(App.Browser(), _manage["aino@example.fi"])).QuerySelector("a[data-certificate=download]"));
        Assert.Equal(1, await App.WithDbAsync(db => db.Certificates.CountAsync(c => c.Code == ainos && c.WithdrawnAtUtc == null)));
        Assert.Equal(2, await App.WithDbAsync(db => db.Certificates.CountAsync()));
    }

    [Fact]
    public async Task AnErasureWithdrawsForGoodEvenACertificateWithdrawnBeforeAndANewArrivalMarkDoesNotReviveIt()
    {
        App.Time.SetUtcNow(AfterTheEnd);
        var bens = await TakeCertificateAsync("ben@example.org");
        var organiser = await Organisers.SignedInAsync(App);
        var ben = await IdAsync("ben@example.org");
        await MarkAsync(organiser, ben, arrived: false);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync((await App.WorkshopAsync(Rauma)).Id, ben, Organisers.Email));
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CheckInService>().SetCheckedInAsync(ben, true, Organisers.Email));
        }

        var page = await Html.ParseAsync(await App.Browser().GetAsync($"/certificates/{bens}"));
        Assert.NotNull(page.QuerySelector("[data-verdict=withdrawn]"));
        Assert.Null(page.QuerySelector("[data-reason]"));
        Assert.Equal(PersonalData.ErasedName, await App.WithDbAsync(db => db.Certificates.Where(c => c.Code == bens).Select(c => c.HolderName).SingleAsync()));
        var counts = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/certificates");
        Assert.Equal(("1", "1"), (counts.Text("[data-count=withdrawn]"), counts.Text("[data-count=withdrawn-erased]")));
        Assert.Null(counts.QuerySelector("[data-count=withdrawn-attendance]"));
    }

    [Fact]
    public async Task AfterCertificatesWentOutNeitherTheHolderNorTheOrganiserCanCancelOrMoveTheWorkshopAndTheyStayGenuine()
    {
        App.Time.SetUtcNow(AfterTheEnd);
        var ainos = await TakeCertificateAsync("aino@example.fi");
        var organiser = await Organisers.SignedInAsync(App);
        var certificates = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/certificates");
        await Html.SubmitAsync(organiser, certificates, new Dictionary<string, string?>());

        // Aino's cancel page, opened before the workshop, is posted now: refused, she attended.
        await Html.SubmitAsync(_ainoCancelTab, _ainoCancelPage, new Dictionary<string, string?>(), "form.actions");
        Assert.Equal(RegistrationStatus.Confirmed, await App.WithDbAsync(db => db.Registrations.Where(r => r.Email == "aino@example.fi").Select(r => r.Status).SingleAsync()));

        // The organiser's cancel page offers no cancel: the workshop was held.
        var cancelWorkshop = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/cancel");
        Assert.Null(cancelWorkshop.QuerySelector("form.words-form"));
        Assert.NotEqual(WorkshopStatus.Cancelled, (await App.WorkshopAsync(Rauma)).Status);

        // Moving it to another day is refused next to the date, nothing saved; the certificates print 3.12.2026.
        var edit = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/edit");
        var refused = await Html.SubmitAsync(organiser, edit, new Dictionary<string, string?> { ["Input.Date"] = "2027-01-14", ["Input.TitleSv"] = "Ändrad" }, "form.workshop-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await Html.ParseAsync(refused);
        Assert.Contains("todistuksia", form.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("#Input_Date", form.QuerySelector(".error-summary a")!.GetAttribute("href"));
        var workshop = await App.WorkshopAsync(Rauma);
        Assert.Equal(new DateOnly(2026, 12, 3), workshop.Date);
        Assert.NotEqual("Ändrad", workshop.Title.Sv);

        var verify = await Html.ParseAsync(await App.Browser().GetAsync($"/certificates/{ainos}"));
        Assert.NotNull(verify.QuerySelector("[data-verdict=genuine]"));
        Assert.Equal("3.12.2026", verify.QuerySelectorAll("main dl.facts dd").Last().TextContent.Trim());
    }

    [Fact]
    public async Task TheOrganiserPrintsTheCertificateOfSomeoneAddedAtTheDoorWithoutAnAddressAndADoorHelperMayNot()
    {
        // Dora comes without registering and gives no address: a door helper adds her and marks her arrived.
        App.Time.SetUtcNow(Start.AddMinutes(20));
        var add = await Html.GetAsync(_door, $"/organiser/workshops/{Rauma}/add");
        var values = People.Registration(name: "Dora Dahl", email: "");
        values["Input.NoEmail"] = "true";
        await Html.SubmitAsync(_door, add, values, "form.add-form"); // saved; it then leads to the attendee list, which is not the door's
        var dora = await App.WithDbAsync(db => db.Registrations.Where(r => r.Name == "Dora Dahl").Select(r => r.Id).SingleAsync());
        await MarkAsync(_door, dora, arrived: true);

        App.Time.SetUtcNow(AfterTheEnd);
        var organiser = await Organisers.SignedInAsync(App);
        var page = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/certificates");
        Assert.Equal(("3", "1"), (page.Text("[data-count=attended]"), page.Text("[data-count=without-address]")));
        Assert.Contains("Dora Dahl", page.QuerySelector("ul.no-address")!.TextContent);

        var pdf = await Html.PressAsync(organiser, page, $"button[data-certificate-pdf='{dora}']");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var code = await App.WithDbAsync(db => db.Certificates.Where(c => c.RegistrationId == dora).Select(c => c.Code).SingleAsync());
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Concat(string.Concat(document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains("DoraDahl", text);
            Assert.Contains($"https://workshops.test/certificates/{code}", text);
        }

        Assert.NotNull((await Html.ParseAsync(await App.Browser().GetAsync($"/certificates/{code}"))).QuerySelector("[data-verdict=genuine]"));
        // Pressed again: the same certificate, no second one.
        Assert.Equal(HttpStatusCode.OK, (await Html.PressAsync(organiser, page, $"button[data-certificate-pdf='{dora}']")).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Certificates.CountAsync(c => c.RegistrationId == dora)));

        // The door helper sees the door, not the certificates page, and cannot post its download either.
        Assert.Equal(HttpStatusCode.Forbidden, (await _door.GetAsync($"/organiser/workshops/{Rauma}/certificates")).StatusCode);
        var doorPage = await Html.GetAsync(_door, $"/organiser/workshops/{Rauma}/check-in");
        var token = doorPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await _door.PostAsync($"/organiser/workshops/{Rauma}/certificates?handler=Pdf", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["id"] = dora.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    private Task<int> IdAsync(string email) =>
        App.WithDbAsync(db => db.Registrations.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());

    /// <summary>Presses "arrived" or "take back the arrival" for registration <paramref name="id"/> on the door's check-in page.</summary>
    private async Task MarkAsync(HttpClient browser, int id, bool arrived)
    {
        var page = await Html.GetAsync(browser, $"/organiser/workshops/{Rauma}/check-in");
        var form = arrived ? $"#r-{id} form.arrive-form" : $"#r-{id} details.undo form";
        var response = await Html.SubmitAsync(browser, page, new Dictionary<string, string?>(), form);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} marking {id}");
        Assert.Equal(arrived, await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.CheckedInAtUtc != null).SingleAsync()));
    }

    /// <summary>Presses the certificate button on the person's own page; returns the certificate's code.</summary>
    private async Task<string> TakeCertificateAsync(string email)
    {
        var browser = App.Browser();
        var response = await Html.PressAsync(browser, await Html.GetAsync(browser, _manage[email]), "button[data-certificate=issue]");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var id = await IdAsync(email);
        return await App.WithDbAsync(db => db.Certificates.Where(c => c.RegistrationId == id).Select(c => c.Code).SingleAsync());
    }
}
