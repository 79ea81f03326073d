using System.Net;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workshops.Tests.Calendar;
using Workshops.Tests.Support;
using Workshops.Web.Domain;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// Issue 26, item 2: a hybrid workshop, set up in the organiser's editor, has on-site and online seats with a waiting list
/// each; the join link reaches only confirmed online people (email, personal page, calendar); a person switches mode from
/// their own page when the other mode has a seat, and is refused with a message when it has none. All through the real forms.
/// </summary>
public sealed class HybridAttendanceTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Join = "https://meet.example.fi/j/hybrid-789";

    /// <summary>The organiser makes Rauma hybrid in the editor, with these seats and a join link.</summary>
    private async Task MakeHybridAsync(int onSite, int online)
    {
        var edit = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/edit");
        var response = await Html.SubmitAsync(Organiser, edit, new Dictionary<string, string?>
        {
            ["Input.Format"] = "Hybrid",
            ["Input.Capacity"] = onSite.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OnlineCapacity"] = online.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OnlineJoinUrl"] = Join,
        }, "form.workshop-form");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var workshop = await App.WorkshopAsync(Rauma);
        Assert.Equal((WorkshopFormat.Hybrid, onSite, online), (workshop.Format, workshop.Capacity, workshop.Hybrid.OnlineCapacity));
    }

    /// <summary>Registers through the public form, choosing <paramref name="mode"/>; returns the page it ended on.</summary>
    private async Task<AngleSharp.Dom.IDocument> RegisterAsync(string name, string email, string mode)
    {
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        var values = People.Registration(name, email);
        values["Input.Mode"] = mode;
        var response = await Html.SubmitAsync(browser, form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private Task<Dictionary<string, (string Status, string Mode)>> StoredAsync() =>
        App.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.Workshop!.Slug == Rauma)
            .ToDictionaryAsync(r => r.Email!, r => (r.Status.ToString(), r.Mode.ToString())));

    /// <summary>The messages written for <paramref name="email"/>, once there are <paramref name="count"/> (the fake clock gives them one Date).</summary>
    private async Task<List<MimeMessage>> MailsToAsync(string email, int count)
    {
        var found = new List<MimeMessage>();
        await Eventually.TrueAsync(async () =>
        {
            found.Clear();
            foreach (var file in Directory.Exists(App.PickupDirectory) ? Directory.GetFiles(App.PickupDirectory, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Single().Address == email)
                {
                    found.Add(message);
                }
            }

            return found.Count >= count;
        }, $"{count} message(s) to {email}");
        return found;
    }

    /// <summary>The person cancels from their own page, opened from their confirmation.</summary>
    private async Task CancelOwnAsync(string email)
    {
        var browser = App.Browser();
        var manage = await Html.GetAsync(browser, Mail.ManagePath((await MailsToAsync(email, 1))[0]));
        var cancel = await Html.GetAsync(browser, manage.QuerySelector("a[href$='/cancel']")!.GetAttribute("href")!);
        Assert.True((await Html.SubmitAsync(browser, cancel, new Dictionary<string, string?>())).IsSuccessStatusCode);
    }

    private static CalendarEvent CalendarOf(MimeMessage message)
    {
        var part = message.BodyParts.OfType<MimePart>().First(p => p.ContentType.MimeType == "text/calendar");
        using var text = new MemoryStream();
        part.Content!.DecodeTo(text);
        return Ics.Parse(System.Text.Encoding.UTF8.GetString(text.ToArray())).Events.Single();
    }

    [Fact]
    public async Task EachModeFillsAndWaitsOnItsOwnAndAFreedSeatGoesToTheWaiterOfItsMode()
    {
        await MakeHybridAsync(onSite: 2, online: 2);
        await RegisterAsync("Aino Ääkkönen", "aino@example.fi", "OnSite");
        await RegisterAsync("Bertil Berg", "bertil@example.fi", "OnSite");
        var third = await RegisterAsync("Cecilia Carlsson", "cecilia@example.fi", "OnSite");
        Assert.Equal("Olet jonossa", third.Text("h1")); // online seats are free, but she chose on site

        var page = await Html.GetAsync(App.Browser(), $"/workshops/{Rauma}");
        Assert.Equal("Paikan päällä: täynnä – jonoon · Verkossa: 2 paikkaa jäljellä", page.Text(".facts-availability dd"));

        await RegisterAsync("Daniel Dahl", "daniel@example.fi", "Online");
        await RegisterAsync("Eeva Eskola", "eeva@example.fi", "Online");
        var sixth = await RegisterAsync("Fredrik Fors", "fredrik@example.fi", "Online");
        Assert.Contains("sijalla 1.", sixth.Text(".outcome")); // first on the online list, though Cecilia waits on site

        // Daniel cancels his online seat: it goes to Fredrik waiting online, not to Cecilia who has waited longer on site.
        await CancelOwnAsync("daniel@example.fi");
        var stored = await StoredAsync();
        Assert.Equal(("Confirmed", "Online"), stored["fredrik@example.fi"]);
        Assert.Equal(("Waitlisted", "OnSite"), stored["cecilia@example.fi"]);

        // Aino cancels her on-site seat: it goes to Cecilia.
        await CancelOwnAsync("aino@example.fi");
        stored = await StoredAsync();
        Assert.Equal(("Cancelled", "OnSite"), stored["aino@example.fi"]);
        Assert.Equal(("Confirmed", "OnSite"), stored["cecilia@example.fi"]);

        // The organiser sees each person's mode and the counts per mode.
        var attendees = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}");
        Assert.Equal("Paikan päällä: paikkoja 2, vahvistettu 2, jonossa 0", attendees.Text(".mode-counts li[data-mode=OnSite]"));
        Assert.Equal("Verkossa: paikkoja 2, vahvistettu 2, jonossa 0", attendees.Text(".mode-counts li[data-mode=Online]"));
        Assert.Equal(2, attendees.QuerySelectorAll("td[data-status] .attendance-mode[data-mode=Online]").Length);
    }

    [Fact]
    public async Task TheFormRefusesAHybridRegistrationWithoutAModeAndStoresNothing()
    {
        await MakeHybridAsync(onSite: 2, online: 2);
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        var page = await Html.ParseAsync(await Html.SubmitAsync(browser, form, People.Registration()));

        Assert.Equal("Valitse, osallistutko paikan päällä vai verkossa.", page.Text("#Input_Mode-error"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task OnlyTheConfirmedOnlinePersonGetsTheJoinLinkInEmailPersonalPageAndCalendar()
    {
        await MakeHybridAsync(onSite: 2, online: 1);
        await RegisterAsync("Aino Ääkkönen", "aino@example.fi", "OnSite");
        await RegisterAsync("Bertil Berg", "bertil@example.fi", "Online");
        await RegisterAsync("Cecilia Carlsson", "cecilia@example.fi", "Online"); // waits: no link yet

        var onSite = (await MailsToAsync("aino@example.fi", 1))[0];
        var online = (await MailsToAsync("bertil@example.fi", 1))[0];
        var waiting = (await MailsToAsync("cecilia@example.fi", 1))[0];
        Assert.DoesNotContain(Join, onSite.TextBody + onSite.HtmlBody);
        Assert.Contains(Join, online.TextBody);
        Assert.DoesNotContain(Join, waiting.TextBody + waiting.HtmlBody);

        // Each person's calendar entry: the same UID, their own LOCATION (and URL).
        var onSiteEntry = CalendarOf(onSite);
        var onlineEntry = CalendarOf(online);
        Assert.Equal(onSiteEntry.Uid, onlineEntry.Uid);
        var place = (await App.WorkshopAsync(Rauma)).Place!;
        Assert.Equal(place, onSiteEntry.Location);
        Assert.DoesNotContain(Join, onSiteEntry.Description);
        Assert.Equal($"Verkossa: {Join}", onlineEntry.Location);
        Assert.Equal(new Uri(Join), onlineEntry.Url);

        // The personal pages, and the calendar files downloaded from them.
        var browser = App.Browser();
        var onSitePage = await browser.GetStringAsync(Mail.ManagePath(onSite));
        var onlinePage = await Html.GetAsync(browser, Mail.ManagePath(online));
        Assert.DoesNotContain(Join, onSitePage);
        Assert.Equal(Join, onlinePage.QuerySelector($"a[href='{Join}']")?.TextContent);
        Assert.DoesNotContain(Join, await browser.GetStringAsync(Mail.ManagePath(waiting)));
        var onSiteIcs = Ics.Parse(await browser.GetStringAsync(Mail.ManagePath(onSite) + "/calendar.ics")).Events.Single();
        var onlineIcs = Ics.Parse(await browser.GetStringAsync(Mail.ManagePath(online) + "/calendar.ics")).Events.Single();
        Assert.Equal(place, onSiteIcs.Location);
        Assert.Equal($"Verkossa: {Join}", onlineIcs.Location);
    }

    [Fact]
    public async Task ASwitchWithAFreeSeatMovesThePersonAndPromotesTheOldModeAndOneWithoutIsRefused()
    {
        await MakeHybridAsync(onSite: 1, online: 2);
        await RegisterAsync("Aino Ääkkönen", "aino@example.fi", "OnSite");
        await RegisterAsync("Wilma Waara", "wilma@example.fi", "OnSite"); // waits on site
        await RegisterAsync("Bertil Berg", "bertil@example.fi", "Online");
        var first = (await MailsToAsync("aino@example.fi", 1))[0];

        var aino = App.Browser();
        var manage = await Html.GetAsync(aino, Mail.ManagePath(first));
        Assert.Equal("Paikan päällä", manage.Text(".attendance-mode strong"));
        var switched = await Html.ParseAsync(await Html.PressAsync(aino, manage, ".switch-mode button"));
        Assert.Equal("Osallistut nyt verkossa. Lähetimme päivitetyn vahvistuksen ja kalenterimerkinnän sähköpostiisi.", switched.Text(".outcome-main"));
        Assert.Equal(Join, switched.QuerySelector($"a[href='{Join}']")?.TextContent);

        var stored = await StoredAsync();
        Assert.Equal(("Confirmed", "Online"), stored["aino@example.fi"]);
        Assert.Equal(("Confirmed", "OnSite"), stored["wilma@example.fi"]); // the freed on-site seat went to the on-site waiter

        // The updated confirmation: the same UID, a higher SEQUENCE, the join link as her place now.
        var update = (await MailsToAsync("aino@example.fi", 2)).Single(m => m.MessageId != first.MessageId);
        Assert.Contains(Join, update.TextBody);
        var (before, after) = (CalendarOf(first), CalendarOf(update));
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence, $"SEQUENCE {before.Sequence} → {after.Sequence}");
        Assert.Equal($"Verkossa: {Join}", after.Location);

        // Bertil would go on site, but Wilma has the only seat there: refused with a message, nothing changed, no mail.
        var bertil = App.Browser();
        var bertilPage = await Html.GetAsync(bertil, Mail.ManagePath((await MailsToAsync("bertil@example.fi", 1))[0]));
        Assert.Equal("Vapaita paikkoja: 0 (Paikan päällä)", bertilPage.Text(".switch-mode p"));
        var refused = await Html.ParseAsync(await Html.PressAsync(bertil, bertilPage, ".switch-mode button"));
        Assert.Equal("Toisella tavalla osallistuville ei ole vapaita paikkoja. Mitään ei muutettu: paikkasi on ennallaan.", refused.Text(".outcome-main"));
        Assert.Equal(("Confirmed", "Online"), (await StoredAsync())["bertil@example.fi"]);
        Assert.Equal(1, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Registration!.Email == "bertil@example.fi")));
    }

    [Fact]
    public async Task TheSwitchIsRefusedOnceRegistrationHasClosed()
    {
        await MakeHybridAsync(onSite: 2, online: 2);
        await RegisterAsync("Aino Ääkkönen", "aino@example.fi", "OnSite");
        var path = Mail.ManagePath((await MailsToAsync("aino@example.fi", 1))[0]);
        var aino = App.Browser();
        var manage = await Html.GetAsync(aino, path);

        // The page was loaded while open; the organiser closes registration before she presses the button.
        await App.UpdateWorkshopAsync(Rauma, w => w.Status = WorkshopStatus.Closed);
        var refused = await Html.ParseAsync(await Html.PressAsync(aino, manage, ".switch-mode button"));

        Assert.Equal("Ilmoittautuminen on päättynyt, joten osallistumistapaa ei voi enää vaihtaa. Mitään ei muutettu.", refused.Text(".outcome-main"));
        Assert.Equal(("Confirmed", "OnSite"), (await StoredAsync())["aino@example.fi"]);
        Assert.Null(refused.QuerySelector(".switch-mode"));
    }
}
