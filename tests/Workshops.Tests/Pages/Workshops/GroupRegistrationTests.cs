using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// A contact registers colleagues on the public form (issue 24), without script: "add a person" is a submit button that
/// shows the form again with one more person, everything typed kept. One write decides all the seats.
/// </summary>
public sealed class GroupRegistrationTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string AddPerson = "input[formaction='?handler=AddPerson']";

    [Fact]
    public async Task AGroupOfFourIntoTwoFreeSeatsConfirmsTwoInFormOrderAndTheOthersWaitEachWithTheirOwnEmailAndLink()
    {
        await OfferSteps.SettingsAsync(App, Rauma, capacity: 2);
        var browser = App.Browser();
        var values = People.Registration("Aino Ääkkönen", "aino@example.fi");
        var page = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        foreach (var (name, i) in new[] { "Bertil", "Cecilia", "David" }.Select((n, i) => (n, i)))
        {
            page = await Html.ParseAsync(await Html.SubmitAsync(browser, page, values, submitter: AddPerson));
            Assert.Equal(i + 1, page.QuerySelectorAll("fieldset.group-person").Length);
            // What was typed before the press is still there.
            Assert.Equal("Aino Ääkkönen", Value(page, "Input.Name"));
            Assert.True(i == 0 || Value(page, $"Input.Others[{i - 1}].Name") == new[] { "Bertil", "Cecilia" }[i - 1]);
            Person(values, i, name);
        }

        values["Input.OthersInformed"] = "true";
        var result = await Html.ParseAsync(await Html.SubmitAsync(browser, page, values));

        Assert.Equal("Ilmoittautumiset on tehty", result.Text("h1"));
        Assert.Contains("2 sai paikan, 2 on jonossa.", result.Text("[role=status]"));
        Assert.Equal(
            [("Aino Ääkkönen", "Paikka vahvistettu"), ("Bertil", "Paikka vahvistettu"), ("Cecilia", "Jonossa sijalla 1"), ("David", "Jonossa sijalla 2")],
            result.QuerySelectorAll("ul.group-outcomes li").Select(r => (r.QuerySelector(".person-name")!.TextContent.Trim(), r.QuerySelector(".person-status")!.TextContent.Trim())));

        var mail = await ReceiveAsync(4);
        Assert.StartsWith("Paikkasi on vahvistettu:", mail["aino@example.fi"].Subject);
        Assert.StartsWith("Paikkasi on vahvistettu:", mail["bertil@example.fi"].Subject);
        Assert.StartsWith("Olet jonossa:", mail["cecilia@example.fi"].Subject);
        Assert.StartsWith("Olet jonossa:", mail["david@example.fi"].Subject);
        Assert.Contains("Aino Ääkkönen ilmoitti sinut tähän työpajaan samalla lomakkeella.", mail["bertil@example.fi"].TextBody);
        Assert.DoesNotContain("ilmoitti sinut", mail["aino@example.fi"].TextBody);
        var links = mail.ToDictionary(m => m.Key, m => Mail.ManagePath(m.Value));
        Assert.Equal(4, links.Values.Distinct().Count());
        foreach (var (address, link) in links)
        {
            Assert.Contains(address, (await Html.GetAsync(App.Browser(), link)).Text("main"));
        }

        var stored = await App.WithDbAsync(db => db.Registrations.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["aino@example.fi", "bertil@example.fi", "cecilia@example.fi", "david@example.fi"], stored.Select(r => r.Email));
        Assert.Null(stored[0].GroupContactId);
        Assert.All(stored.Skip(1), r => Assert.Equal(stored[0].Id, r.GroupContactId));
        Assert.Equal("Rauman kaupunki", stored[1].Organisation);
        // The attendee list and its exports name the contact ("Ilmoittaja") from one uncorrelated query.
        var extras = await App.WithDbAsync(db => Web.Pages.Organiser.Workshops.AttendeeExtras.LoadAsync(db, stored[0].WorkshopId, CancellationToken.None));
        Assert.Equal([KeyValuePair.Create(stored[0].Id, "Aino Ääkkönen")], extras.Contacts);
    }

    [Fact]
    public async Task AnAddressAlreadyRegisteredDoesNotBlockTheOthers()
    {
        await RegistrationSteps.ThroughFormAsync(App, "Cecilia", "cecilia@example.fi");
        await Smtp.NextMessageAsync();
        App.Time.Advance(TimeSpan.FromMinutes(20)); // no longer a double submit: she is sent her details again

        var result = await RegisterGroupAsync(("Bertil", "bertil@example.fi"), ("Cecilia", "CECILIA@example.fi"), ("David", "david@example.fi"));

        var rows = result.QuerySelectorAll("ul.group-outcomes li").ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("already", rows[2].GetAttribute("data-status"));
        Assert.Contains("Oli jo ilmoittautunut aiemmin", rows[2].TextContent);
        Assert.All(rows.Where(r => r != rows[2]), r => Assert.Equal("Confirmed", r.GetAttribute("data-status")));
        var mail = await ReceiveAsync(4);
        Assert.StartsWith("Ilmoittautumisesi tiedot:", mail["cecilia@example.fi"].Subject);
        Assert.Equal(4, await App.WithDbAsync(db => db.Registrations.CountAsync()));
    }

    [Fact]
    public async Task ErrorsSitAtTheRightPersonsFieldsAndNothingIsStored()
    {
        var browser = App.Browser();
        var values = People.Registration("Aino Ääkkönen", "aino@example.fi");
        var page = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        page = await Html.ParseAsync(await Html.SubmitAsync(browser, page, values, submitter: AddPerson));
        Person(values, 0, "Bertil");
        page = await Html.ParseAsync(await Html.SubmitAsync(browser, page, values, submitter: AddPerson));
        Person(values, 1, "Cecilia");
        values["Input.Others[1].Email"] = "";
        page = await Html.ParseAsync(await Html.SubmitAsync(browser, page, values, submitter: AddPerson));
        Person(values, 2, "David");
        values["Input.Others[2].Email"] = "AINO@example.fi";

        var response = await Html.SubmitAsync(browser, page, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await Html.ParseAsync(response);
        Assert.Equal("Kirjoita henkilön sähköpostiosoite: vahvistus ja oma linkki lähtevät sinne.", form.Text("#Input_Others_1__Email-error"));
        Assert.Equal("Tämä osoite on jo lomakkeella. Jokainen tarvitsee oman sähköpostiosoitteensa.", form.Text("#Input_Others_2__Email-error"));
        Assert.Equal("Vahvista, että olet kertonut jokaiselle ilmoittamallesi henkilölle tietosuojaselosteesta.", form.Text("#Input_OthersInformed-error"));
        Assert.Equal("", form.Text("#Input_Others_0__Email-error"));
        Assert.Contains("#Input_Others_1__Email", form.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("true", form.QuerySelector("#Input_Others_1__Email")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Registrations.CountAsync()));

        // Removing a person keeps the rest and closes the gap.
        var removed = await Html.ParseAsync(await Html.SubmitAsync(browser, form, values, submitter: "input[formaction='?handler=RemovePerson&person=1']"));
        Assert.Equal(["Bertil", "David"], removed.QuerySelectorAll("fieldset.group-person input[name$='.Name']").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task TheWorkshopSetsHowManyOneFormMayRegister()
    {
        await OfferSteps.SettingsAsync(App, Rauma, maxPeople: 2);
        var browser = App.Browser();
        var page = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        Assert.Contains("yhteensä enintään 2 henkilöä", page.Text("section.group"));
        page = await Html.ParseAsync(await Html.SubmitAsync(browser, page, People.Registration(), submitter: AddPerson));
        Assert.Single(page.QuerySelectorAll("fieldset.group-person"));
        Assert.Null(page.QuerySelector(AddPerson));

        await OfferSteps.SettingsAsync(App, Rauma, maxPeople: 1);
        Assert.Null((await Html.GetAsync(App.Browser(), $"/workshops/{Rauma}")).QuerySelector("section.group"));
    }

    private async Task<IDocument> RegisterGroupAsync(params (string Name, string Email)[] others)
    {
        var browser = App.Browser();
        var values = People.Registration("Aino Ääkkönen", "aino@example.fi");
        var page = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        for (var i = 0; i < others.Length; i++)
        {
            page = await Html.ParseAsync(await Html.SubmitAsync(browser, page, values, submitter: AddPerson));
            Person(values, i, others[i].Name, others[i].Email);
        }

        values["Input.OthersInformed"] = "true";
        return await Html.ParseAsync(await Html.SubmitAsync(browser, page, values));
    }

    private static void Person(Dictionary<string, string?> values, int i, string name, string? email = null)
    {
        values[$"Input.Others[{i}].Name"] = name;
        values[$"Input.Others[{i}].Email"] = email ?? $"{name.ToLowerInvariant()}@example.fi";
        values[$"Input.Others[{i}].Organisation"] = "Rauman kaupunki";
        values[$"Input.Others[{i}].Group"] = "Municipal";
    }

    private static string? Value(IDocument page, string name) => page.QuerySelector($"[name='{name}']")?.GetAttribute("value");

    private async Task<Dictionary<string, MimeMessage>> ReceiveAsync(int count)
    {
        var messages = new Dictionary<string, MimeMessage>();
        for (var i = 0; i < count; i++)
        {
            var message = await Smtp.NextMessageAsync();
            messages.Add(message.To.Mailboxes.Single().Address, message);
        }

        return messages;
    }
}
