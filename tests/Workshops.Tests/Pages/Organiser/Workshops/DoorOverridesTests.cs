using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workshops.Tests.Exports;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// At the door (issue 24): the organiser adds someone over a full workshop's capacity ("add anyway", audited) or without an
/// email address; both show in the attendee list, the CSV and the report, and are erased by the purge like everyone else.
/// </summary>
public sealed class DoorOverridesTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;

    [Fact]
    public async Task AFullWorkshopTakesSomeoneOverItsCapacityOnlyWhenTheOrganiserSaysAddAnyway()
    {
        await OfferSteps.SettingsAsync(App, Rauma, capacity: 1);
        await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request("Aino", "aino@example.fi"));

        var waiting = await AddAsync(Person("Eero", "eero@example.fi"));
        Assert.Contains("Työpaja on täynnä: ilmoittautuja lisättiin jonoon.", waiting.Text("main"));
        var fanni = Person("Fanni", "fanni@example.fi");
        fanni["Input.OverCapacity"] = "true";
        var added = await AddAsync(fanni);

        Assert.Contains("Henkilö lisättiin ylipaikalle: paikka on vahvistettu, vaikka työpaja oli täynnä.", added.Text("main"));
        var people = await PeopleAsync();
        Assert.Equal((RegistrationStatus.Waitlisted, false), (people["Eero"].Status, people["Eero"].OverCapacity));
        Assert.Equal((RegistrationStatus.Confirmed, true), (people["Fanni"].Status, people["Fanni"].OverCapacity));
        var row = added.QuerySelector($"tr[data-id='{people["Fanni"].Id}']")!;
        Assert.Contains("Ylipaikka", row.TextContent);
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.RegistrationId == people["Fanni"].Id));
        Assert.Equal((AuditAction.RegisteredOverCapacity, Organisers.Email), (audit.Action, audit.Actor));
        Assert.Contains("Lisäsi ilmoittautujan ylipaikalle", (await Html.GetAsync(Organiser, "/organiser/audit")).Text("main"));

        // The extra seat is not the workshop's: a cancellation leaves it full (two confirmed, one seat), nobody is moved up.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RegistrationService>().CancelAsync(people["Aino"].Id);
        }

        Assert.Equal(RegistrationStatus.Waitlisted, (await PeopleAsync())["Eero"].Status);
    }

    [Fact]
    public async Task AWalkInWithoutAnEmailAddressIsRecordedWithNameAndGroupAndGetsNoMessage()
    {
        var blank = Person("Gunnar", "");
        var refused = await Html.ParseAsync(await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/add"), blank, "form.add-form"));
        Assert.Equal("Kirjoita henkilön sähköpostiosoite tai valitse, ettei hänellä ole osoitetta.", refused.Text("#Input_Email-error"));

        foreach (var name in new[] { "Gunnar", "Helmi" })
        {
            var person = Person(name, "");
            person["Input.NoEmail"] = "true";
            var added = await AddAsync(person);
            Assert.Contains("Henkilö lisättiin ilman sähköpostiosoitetta: paikka on vahvistettu, viestiä ei lähetetty.", added.Text("main"));
        }

        var people = await PeopleAsync();
        Assert.All(new[] { people["Gunnar"], people["Helmi"] }, p => Assert.Equal((RegistrationStatus.Confirmed, null, null), (p.Status, p.Email, p.EmailNormalized)));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync()));
        var list = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}");
        Assert.Contains("ei sähköpostia", list.QuerySelector($"tr[data-id='{people["Gunnar"].Id}']")!.TextContent);

        // Full and no address: nobody could tell them of a seat, so they are not put on the waiting list.
        await OfferSteps.SettingsAsync(App, Rauma, capacity: 2);
        var third = Person("Iida", "");
        third["Input.NoEmail"] = "true";
        var full = await Html.ParseAsync(await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/add"), third, "form.add-form"));
        Assert.Contains("eikä henkilöä ilman sähköpostiosoitetta voi lisätä jonoon", full.Text(".error-summary"));
        Assert.Equal(2, (await PeopleAsync()).Count);
    }

    [Fact]
    public async Task TheConsentErrorSpeaksToTheOrganiserInTheirLanguage()
    {
        var person = Person("Jussi", "jussi@example.fi");
        person["Input.Consent"] = null;

        var fi = await Html.ParseAsync(await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/add"), person, "form.add-form"));
        var en = await Html.ParseAsync(await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/add?culture=en"), person, "form.add-form"));

        Assert.Equal("Vahvista, että henkilö on hyväksynyt tietojensa käsittelyn tietosuojaselosteen mukaisesti.", fi.Text("#Input_Consent-error"));
        Assert.Equal("Confirm that the person has agreed to their details being handled as the privacy notice describes.", en.Text("#Input_Consent-error"));
        Assert.Empty(await PeopleAsync());
    }

    [Fact]
    public async Task DoorAdditionsShowInTheCsvAndTheReportAndThePurgeErasesThem()
    {
        await OfferSteps.SettingsAsync(App, Rauma, capacity: 1);
        await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request("Aino", "aino@example.fi"));
        var fanni = Person("Fanni", "fanni@example.fi");
        fanni["Input.OverCapacity"] = "true";
        await AddAsync(fanni);
        var gunnar = Person("Gunnar", "");
        (gunnar["Input.NoEmail"], gunnar["Input.OverCapacity"]) = ("true", "true");
        await AddAsync(gunnar);
        var people = await PeopleAsync();
        await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/check-in?q=Gunnar"), new Dictionary<string, string?>(), $"#r-{people["Gunnar"].Id} form");

        var csv = ExportTests.ParseCsv(Encoding.UTF8.GetString((await Organiser.GetByteArrayAsync($"/organiser/workshops/{Rauma}?handler=Csv"))[3..]));
        var header = csv[0];
        var rows = csv.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal("Kyllä", rows["Fanni"][header.IndexOf("Ylipaikka")]);
        Assert.Equal(("", "Kyllä", "Vahvistettu"), (rows["Gunnar"][header.IndexOf("Sähköposti")], rows["Gunnar"][header.IndexOf("Ylipaikka")], rows["Gunnar"][header.IndexOf("Tila")]));
        Assert.NotEqual("", rows["Gunnar"][header.IndexOf("Saapui")]);

        var report = await Html.GetAsync(Organiser, $"/organiser/report?workshop={Rauma}");
        var line = report.QuerySelector($"table.report-workshops tr[data-slug='{Rauma}']")!;
        Assert.Equal("2", line.QuerySelector("[data-count=over-capacity]")!.TextContent);
        Assert.Equal(("3", "1"), (report.Text("[data-total=registered]"), report.Text("[data-total=attended]")));

        // 91 days after the workshop everyone is erased, the person without an address too; the counts stay.
        await App.UpdateWorkshopAsync(Rauma, w => w.Date = new DateOnly(2026, 8, 28));
        await App.Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None);
        var erased = await PeopleAsync(byId: true);
        Assert.All(erased.Values, p => Assert.Equal(PersonalData.ErasedName, p.Name));
        Assert.All(erased.Values, p => Assert.NotNull(p.ErasedAtUtc));
        Assert.Null(erased[people["Gunnar"].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)].Email);
        Assert.True(erased[people["Gunnar"].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)].OverCapacity);
        var after = await Html.GetAsync(Organiser, $"/organiser/report?workshop={Rauma}");
        Assert.Equal(("3", "1"), (after.Text("[data-total=registered]"), after.Text("[data-total=attended]")));
    }

    [Fact]
    public async Task OverCapacityArrivalsCountAsParticipantsWhetherMarkedAtTheDoorOrByTheirOwnCode()
    {
        // Thursday 3.12.2026 14.00–16.00 Helsinki time; everyone is added the week before (the clock's 27.11.2026).
        var start = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        await App.UpdateWorkshopAsync(Rauma, w => (w.Date, w.StartTime, w.EndTime) = (new DateOnly(2026, 12, 3), new TimeOnly(14, 0), new TimeOnly(16, 0)));
        await OfferSteps.SettingsAsync(App, Rauma, capacity: 1);
        await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request("Aino", "aino@example.fi"));
        var fanni = Person("Fanni", "fanni@example.fi");
        fanni["Input.OverCapacity"] = "true";
        await AddAsync(fanni);
        var gunnar = Person("Gunnar", "");
        (gunnar["Input.NoEmail"], gunnar["Input.OverCapacity"]) = ("true", "true");
        await AddAsync(gunnar);
        var people = await PeopleAsync();
        MimeKit.MimeMessage? toFanni = null;
        await Eventually.TrueAsync(() => Task.FromResult((toFanni = Directory.Exists(App.PickupDirectory)
            ? Directory.GetFiles(App.PickupDirectory, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
                .SingleOrDefault(m => m.To.Mailboxes.Single().Address == "fanni@example.fi")
            : null) is not null), "Fanni's confirmation is written");

        // During the workshop: the door page shows both as over the capacity; the organiser taps Gunnar (no address, so
        // no personal page), Fanni types the venue code on her own page.
        App.Time.SetUtcNow(start.AddMinutes(20));
        var organiser = App.Browser(); // a week on, the first sign-in has expired: sign in again
        await Organisers.SubmitSignInAsync(organiser, Organisers.Email, Organisers.Password);
        var door = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/check-in");
        Assert.Equal("Ylipaikka", door.Text($"#r-{people["Gunnar"].Id} .over-capacity"));
        Assert.Equal("Ylipaikka", door.Text($"#r-{people["Fanni"].Id} .over-capacity"));
        await Html.SubmitAsync(organiser, door, new Dictionary<string, string?>(), $"#r-{people["Gunnar"].Id} form");
        var browser = App.Browser();
        var own = await Html.GetAsync(browser, Mail.ManagePath(toFanni!));
        var code = door.Text(".venue-code .code");
        var checkedIn = await Html.ParseAsync(await Html.SubmitAsync(browser, own, new Dictionary<string, string?> { ["code"] = code }, "form.self-check-in-form"));
        Assert.Equal("Saapumisesi on kirjattu. Tervetuloa!", checkedIn.Text(".outcome"));

        var arrived = await PeopleAsync();
        Assert.True(arrived["Fanni"].SelfCheckedIn);
        Assert.NotNull(arrived["Gunnar"].CheckedInAtUtc);
        Assert.Equal("2", (await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/check-in")).Text("[data-count='present']"));
        var report = await Html.GetAsync(organiser, $"/organiser/report?workshop={Rauma}");
        var line = report.QuerySelector($"table.report-workshops tr[data-slug='{Rauma}']")!;
        Assert.Equal("2", line.QuerySelector("[data-count=over-capacity]")!.TextContent);
        Assert.Equal(("3", "2"), (report.Text("[data-total=registered]"), report.Text("[data-total=attended]")));
    }

    private static Dictionary<string, string?> Person(string name, string email)
    {
        var values = People.Registration(name, email);
        values["Input.Needs"] = null;
        return values;
    }

    /// <summary>Submits the add form and returns the page it ends on (the attendee list after a success).</summary>
    private async Task<AngleSharp.Dom.IDocument> AddAsync(Dictionary<string, string?> values)
    {
        var response = await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/add"), values, "form.add-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/organiser/workshops/{Rauma}", response.RequestMessage!.RequestUri!.AbsolutePath);
        return await Html.ParseAsync(response);
    }

    private async Task<Dictionary<string, Registration>> PeopleAsync(bool byId = false) =>
        (await App.WithDbAsync(db => db.Registrations.AsNoTracking().ToListAsync()))
            .ToDictionary(r => byId ? r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : r.Name);
}
