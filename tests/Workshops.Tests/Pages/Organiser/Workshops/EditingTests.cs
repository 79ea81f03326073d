using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Email;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>Editing a workshop and its side effects: promotion, change notices, calendar sequence, cancellation.</summary>
public sealed class EditingTests : IAsyncLifetime
{
    private const string Rauma = RegistrationSteps.Rauma;
    private readonly WorkshopsFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await Organisers.SignedInAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<IDocument> EditAsync(Dictionary<string, string?> values, string slug = Rauma)
    {
        var form = await Html.GetAsync(_organiser, $"/organiser/workshops/{slug}/edit");
        var response = await Html.SubmitAsync(_organiser, form, values, "form.workshop-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// <summary>Three people on a workshop with one seat: Aino has it, Bertil and Cecilia wait (in that order).</summary>
    private async Task OneSeatThreePeopleAsync()
    {
        await _app.UpdateWorkshopAsync(Rauma, w => w.Capacity = 1);
        foreach (var (name, email) in new[] { ("Aino", "aino@example.fi"), ("Bertil", "bertil@example.fi"), ("Cecilia", "cecilia@example.fi") })
        {
            await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request(name, email));
        }
    }

    private Task<List<(EmailKind Kind, string? Email)>> MessagesAfterRegistrationAsync() =>
        _app.WithDbAsync(async db => (await db.OutgoingEmails
                .Where(e => e.Kind != EmailKind.Confirmed && e.Kind != EmailKind.Waitlisted)
                .OrderBy(e => e.Registration!.Id)
                .Select(e => new { e.Kind, e.Registration!.Email })
                .ToListAsync())
            .Select(e => (e.Kind, e.Email)).ToList());

    [Fact]
    public async Task RaisingCapacityPromotesTheFirstInLineAndTellsThem()
    {
        await OneSeatThreePeopleAsync();
        var before = await _app.WorkshopAsync(Rauma);

        var page = await EditAsync(new() { ["Input.Capacity"] = "2" });

        Assert.Contains("1 henkilöä siirtyi jonosta osallistujiksi", page.Text(".outcome"));
        Assert.Equal(["Confirmed", "Confirmed", "Waitlisted"], (await _app.RegistrationsInFileAsync(Rauma)).Select(r => r.Status));
        Assert.Equal([(EmailKind.Promoted, "bertil@example.fi")], await MessagesAfterRegistrationAsync());
        var after = await _app.WorkshopAsync(Rauma);
        Assert.Equal(2, after.Capacity);
        Assert.Equal(before.Sequence, after.Sequence);
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.WorkshopEdited));
        Assert.Equal((Organisers.Email, before.Id), (audit.Actor, audit.WorkshopId!.Value));
        Assert.Equal("1", AuditDetail.Parse(audit.Detail)!.Args[1]); // promoted from the waiting list
    }

    [Fact]
    public async Task MovingTheWorkshopNotifiesEveryRegistrantButNotThoseWhoCancelledAndRaisesTheSequence()
    {
        await OneSeatThreePeopleAsync();
        var cecilia = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "cecilia@example.fi"));
        await _app.WithDbAsync(db => db.Registrations.Where(r => r.Id == cecilia.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled)));
        var before = await _app.WorkshopAsync(Rauma);

        var page = await EditAsync(new() { ["Input.StartTime"] = "13:00", ["Input.EndTime"] = "16:30", ["Input.Place"] = "Rauman kaupungintalo" });

        Assert.Contains("lähtevät 2 ilmoittautuneelle", page.Text(".outcome"));
        var after = await _app.WorkshopAsync(Rauma);
        Assert.Equal(before.Sequence + 1, after.Sequence);
        Assert.Equal((new TimeOnly(13, 0), new TimeOnly(16, 30), "Rauman kaupungintalo"), (after.StartTime!.Value, after.EndTime!.Value, after.Place!));
        Assert.Equal([(EmailKind.Changed, "aino@example.fi"), (EmailKind.Changed, "bertil@example.fi")], await MessagesAfterRegistrationAsync());
        var previous = await _app.WithDbAsync(db => db.OutgoingEmails.Where(e => e.Kind == EmailKind.Changed).Select(e => e.PreviousScheduleJson).FirstAsync());
        Assert.Contains("\"Place\":\"Rauma\"", previous);
        Assert.Equal(AuditAction.ScheduleChanged, (await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.WorkshopId == before.Id))).Action);
    }

    [Fact]
    public async Task ATextOnlyEditSendsNothingAndKeepsTheSequence()
    {
        await OneSeatThreePeopleAsync();
        var before = await _app.WorkshopAsync(Rauma);

        var page = await EditAsync(new() { ["Input.TitleEn"] = "Together against loneliness (updated)", ["Input.DescriptionFi"] = "Uusi kuvaus." });

        Assert.Equal("Muutokset tallennettiin.", page.Text(".outcome"));
        var after = await _app.WorkshopAsync(Rauma);
        Assert.Equal("Together against loneliness (updated)", after.Title.En);
        Assert.Equal("Uusi kuvaus.", after.Description.Fi);
        Assert.Equal(before.Sequence, after.Sequence);
        Assert.Empty(await MessagesAfterRegistrationAsync());
    }

    [Fact]
    public async Task CancellingTheWorkshopTellsEveryoneRegisteredAndClosesThePublicForm()
    {
        await OneSeatThreePeopleAsync();
        var before = await _app.WorkshopAsync(Rauma);
        var ask = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}/cancel");
        Assert.Contains("Kaikki 3 ilmoittautunutta", ask.Text("main"));
        Assert.Equal(WorkshopStatus.Open, (await _app.WorkshopAsync(Rauma)).Status); // asking changed nothing

        var response = await Html.SubmitAsync(_organiser, ask, new Dictionary<string, string?>());

        Assert.Contains("Peruutusviesti lähtee 3 ilmoittautuneelle.", (await Html.ParseAsync(response)).Text(".outcome"));
        var after = await _app.WorkshopAsync(Rauma);
        Assert.Equal(WorkshopStatus.Cancelled, after.Status);
        Assert.Equal(before.Sequence + 1, after.Sequence);
        Assert.Equal(
            [(EmailKind.WorkshopCancelled, "aino@example.fi"), (EmailKind.WorkshopCancelled, "bertil@example.fi"), (EmailKind.WorkshopCancelled, "cecilia@example.fi")],
            await MessagesAfterRegistrationAsync());
        var publicPage = await Html.GetAsync(_app.Browser(), $"/workshops/{Rauma}");
        Assert.Equal("Työpaja on peruttu", publicPage.Text("#closed-title"));
        Assert.Null(publicPage.QuerySelector("main form"));
    }

    [Fact]
    public async Task ClosingRegistrationFromTheDashboardClosesThePublicFormAndOpeningReopensIt()
    {
        var dashboard = await Html.GetAsync(_organiser, "/organiser");
        await Html.SubmitAsync(_organiser, dashboard, new Dictionary<string, string?>(), $"tr[data-slug='{Rauma}'] form");

        Assert.Equal(WorkshopStatus.Closed, (await _app.WorkshopAsync(Rauma)).Status);
        Assert.Equal("Ilmoittautuminen on päättynyt", (await Html.GetAsync(_app.Browser(), $"/workshops/{Rauma}")).Text("#closed-title"));

        dashboard = await Html.GetAsync(_organiser, "/organiser");
        Assert.Equal("Avaa ilmoittautuminen", dashboard.Text($"tr[data-slug='{Rauma}'] form button"));
        await Html.SubmitAsync(_organiser, dashboard, new Dictionary<string, string?>(), $"tr[data-slug='{Rauma}'] form");
        Assert.Equal(WorkshopStatus.Open, (await _app.WorkshopAsync(Rauma)).Status);
        var actions = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action != AuditAction.SignedIn).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.RegistrationClosed, AuditAction.RegistrationOpened], actions);
    }

    [Fact]
    public async Task EveryErrorOfTheWorkshopEditorShowsAtOnce()
    {
        var page = await EditAsync(new()
        {
            ["Input.TitleFi"] = "",
            ["Input.StartTime"] = "14:00",
            ["Input.EndTime"] = "13:00",
            ["Input.OnlineJoinUrl"] = "javascript:alert(1)",
            ["Input.Capacity"] = "-2",
        });

        Assert.Equal(
            ["#Input_TitleFi", "#Input_EndTime", "#Input_OnlineJoinUrl", "#Input_Capacity"],
            page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ADeadlineAfterTheStartIsRefusedNextToItsFieldSinceRegistrationClosesAtTheStartAnyway()
    {
        var late = await EditAsync(new() { ["Input.StartTime"] = "13:00", ["Input.EndTime"] = "16:00", ["Input.RegistrationDeadline"] = "2028-05-31T14:00" });
        var untimed = await EditAsync(new() { ["Input.RegistrationDeadline"] = "2028-05-31T09:00" }); // no time: it starts at 0.00
        var fine = await EditAsync(new() { ["Input.StartTime"] = "13:00", ["Input.EndTime"] = "16:00", ["Input.RegistrationDeadline"] = "2028-05-31T13:00" });

        Assert.Contains("Ilmoittautumisen takaraja ei voi olla työpajan alun jälkeen", late.Text("#Input_RegistrationDeadline-error"));
        Assert.Contains("Ilmoittautumisen takaraja ei voi olla työpajan alun jälkeen", untimed.Text("#Input_RegistrationDeadline-error"));
        Assert.Null(fine.QuerySelector(".error-summary"));
        Assert.Equal(new DateTime(2028, 5, 31, 13, 0, 0), (await _app.WorkshopAsync(Rauma)).RegistrationDeadline);
    }

    [Fact]
    public async Task ANegativeCapacityComesBackAsANumberTheFieldCanHold()
    {
        var page = await EditAsync(new() { ["Input.Capacity"] = "-2" });

        Assert.Equal("-2", page.QuerySelector("#Input_Capacity")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnInvalidEditIsRefusedWithTheReasonAndChangesNothing()
    {
        var before = await _app.WorkshopAsync(Rauma);

        var times = await EditAsync(new() { ["Input.StartTime"] = "14:00", ["Input.EndTime"] = "13:00" });
        var title = await EditAsync(new() { ["Input.TitleFi"] = "" });
        var link = await EditAsync(new() { ["Input.OnlineJoinUrl"] = "javascript:alert(1)" });

        Assert.Contains("Päättymisajan pitää olla alkamisajan jälkeen.", times.Text(".error-summary"));
        Assert.Contains("Kirjoita otsikko suomeksi.", title.Text(".error-summary"));
        Assert.Contains("Anna liittymislinkki kokonaisena https://-osoitteena.", link.Text(".error-summary"));
        Assert.Equal("14:00", times.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_StartTime")?.Value);
        var after = await _app.WorkshopAsync(Rauma);
        Assert.Equal((before.StartTime, before.Title.Fi, before.Sequence), (after.StartTime, after.Title.Fi, after.Sequence));
    }

    [Fact]
    public async Task ANewWorkshopAppearsInTheProgrammeAndItsAddressMustBeUnique()
    {
        var form = await Html.GetAsync(_organiser, "/organiser/workshops/new");
        var values = new Dictionary<string, string?>
        {
            ["Input.Slug"] = "pori-syksy",
            ["Input.TitleFi"] = "Porin syystyöpaja",
            ["Input.DescriptionFi"] = "Kuvaus.",
            ["Input.Date"] = "2028-09-13",
            ["Input.StartTime"] = "9:00",
            ["Input.EndTime"] = "12:00",
            ["Input.Format"] = "InPerson",
            ["Input.Audience"] = "Citizens",
            ["Input.Place"] = "Pori",
            ["Input.Capacity"] = "25",
        };

        var created = await Html.ParseAsync(await Html.SubmitAsync(_organiser, form, values, "form.workshop-form"));

        Assert.Equal("/organiser/workshops/pori-syksy", created.Location.PathName);
        var workshop = await _app.WorkshopAsync("pori-syksy");
        Assert.Equal((new DateOnly(2028, 9, 13), new TimeOnly(9, 0), 25, 0), (workshop.Date, workshop.StartTime!.Value, workshop.Capacity!.Value, workshop.Sequence));
        var programme = await Html.GetAsync(_app.Browser(), "/");
        Assert.Contains("Porin syystyöpaja", programme.Text(".programme"));

        var again = await Html.ParseAsync(await Html.SubmitAsync(_organiser, await Html.GetAsync(_organiser, "/organiser/workshops/new"), values, "form.workshop-form"));
        Assert.Contains("Tämä osoite on jo käytössä.", again.Text(".error-summary"));
    }

    [Fact]
    public async Task OrganiserRegistersSomeoneAfterTheDeadlineWithTheSeatRulesStillApplied()
    {
        await _app.UpdateWorkshopAsync(Rauma, w =>
        {
            w.Capacity = 1;
            w.RegistrationDeadline = new DateTime(2026, 11, 1, 12, 0, 0);
        });
        Assert.Equal("Ilmoittautuminen on päättynyt", (await Html.GetAsync(_app.Browser(), $"/workshops/{Rauma}")).Text("#closed-title"));

        async Task<IDocument> AddAsync(string name, string email)
        {
            var form = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}/add");
            var values = People.Registration(name, email);
            values["Input.Consent"] = "true";
            return await Html.ParseAsync(await Html.SubmitAsync(_organiser, form, values, "form.add-form"));
        }

        Assert.Contains("paikka on vahvistettu", (await AddAsync("Puhelin Pekka", "pekka@example.fi")).Text(".outcome"));
        Assert.Contains("lisättiin jonoon", (await AddAsync("Jono Jaana", "jaana@example.fi")).Text(".outcome"));
        Assert.Contains("on jo voimassa oleva ilmoittautuminen", (await AddAsync("Pekka taas", "PEKKA@example.fi")).Text(".error-summary"));

        Assert.Equal([("pekka@example.fi", "Confirmed"), ("jaana@example.fi", "Waitlisted")],
            (await _app.RegistrationsInFileAsync(Rauma)).Select(r => (r.Email, r.Status)));
        var kinds = await _app.WithDbAsync(db => db.OutgoingEmails.OrderBy(e => e.RegistrationId).Select(e => e.Kind).ToListAsync());
        Assert.Equal([EmailKind.Confirmed, EmailKind.Waitlisted], kinds);
        Assert.Equal(2, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.RegisteredByOrganiser)));
    }
}
