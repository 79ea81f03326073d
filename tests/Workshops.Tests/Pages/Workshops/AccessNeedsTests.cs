using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Accessibility;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// Issue 26, item 1: the organiser answers an accessibility checklist per workshop and the public page shows it
/// (nothing answered reads "not yet known – ask the contact"); the form asks needs as a checklist on every format,
/// online included; the confirmation acknowledges them, the attendee page sums them, erasure empties them.
/// </summary>
public sealed class AccessNeedsTests : SignedInOrganiser
{
    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";

    private async Task RegisterTickingAsync(string name, string email, params string[] needs)
    {
        var browser = App.Browser();
        var page = await Html.GetAsync(browser, $"/workshops/{Webinar}");
        foreach (var need in needs)
        {
            page.QuerySelector<IHtmlInputElement>($"input[name='Input.AccessNeeds'][value={need}]")!.IsChecked = true;
        }

        var values = People.Registration(name, email);
        values.Remove("Input.Needs");
        var response = await Html.SubmitAsync(browser, page, values);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task AnOnlineWorkshopsChecklistIsStoredAcknowledgedSummedAndErased()
    {
        await RegisterTickingAsync("Aino Ääkkönen", "aino@example.fi", "Captions", "SignLanguage");
        await RegisterTickingAsync("Bertil Berg", "bertil@example.fi", "Captions");

        var aino = await App.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Email == "aino@example.fi"));
        Assert.Equal(AccessNeeds.Captions | AccessNeeds.SignLanguage, aino.AccessNeeds);

        // The confirmation .eml acknowledges what was ticked, in both bodies.
        string? ainoEml = null;
        await Eventually.TrueAsync(async () =>
        {
            foreach (var file in Directory.Exists(App.PickupDirectory) ? Directory.GetFiles(App.PickupDirectory, "*.eml") : [])
            {
                var m = await MimeMessage.LoadAsync(file);
                if (m.To.Mailboxes.Single().Address == "aino@example.fi")
                {
                    ainoEml = file;
                }
            }

            return ainoEml is not null;
        }, "Aino's confirmation was written");
        var message = await MimeMessage.LoadAsync(ainoEml!);
        Assert.Contains("Kirjasimme tarpeesi, ja järjestäjät näkevät ne:\n- Tekstitys\n- Viittomakielen tulkkaus", message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<li style=\"white-space:pre-line;\">Viittomakielen tulkkaus</li>", message.HtmlBody, StringComparison.Ordinal);

        // The organiser's attendee page: "2 need captions", "1 needs sign language".
        var attendees = await Html.GetAsync(Organiser, $"/organiser/workshops/{Webinar}");
        Assert.Equal("Tekstitys: 2", attendees.Text(".needs-summary li[data-need=Captions]"));
        Assert.Equal("Viittomakielen tulkkaus: 1", attendees.Text(".needs-summary li[data-need=SignLanguage]"));
        Assert.Null(attendees.QuerySelector(".needs-summary li[data-need=InductionLoop]"));

        // Erasure through the organiser's form empties the checklist (and the person no longer counts).
        var erased = await Html.SubmitAsync(Organiser, attendees, new Dictionary<string, string?> { ["id"] = aino.Id.ToString(CultureInfo.InvariantCulture) }, $"#r-{aino.Id} form.erase-form");
        Assert.True(erased.IsSuccessStatusCode);
        Assert.Equal(AccessNeeds.None, (await App.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == aino.Id))).AccessNeeds);
        var after = await Html.GetAsync(Organiser, $"/organiser/workshops/{Webinar}");
        Assert.Equal("Tekstitys: 1", after.Text(".needs-summary li[data-need=Captions]"));
        Assert.Null(after.QuerySelector(".needs-summary li[data-need=SignLanguage]"));
    }

    [Fact]
    public async Task TheBlockTheOrganiserFillsIsOnThePublicPageAndTheRestReadsNotYetKnown()
    {
        var before = await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}?culture=en");
        Assert.Equal(7, before.QuerySelectorAll(".accessibility-block dd").Count(d => d.TextContent == "Not yet known – ask the contact"));

        var form = await Html.GetAsync(Organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/accessibility");
        form.QuerySelector<IHtmlInputElement>("#Input_Answers_StepFreeAccess_Yes")!.IsChecked = true;
        form.QuerySelector<IHtmlInputElement>("#Input_Answers_InductionLoop_No")!.IsChecked = true;
        var saved = await Html.SubmitAsync(Organiser, form, new Dictionary<string, string?>
        {
            ["Input.NotesFi"] = "Sisäänkäynti pihan puolelta.",
            ["Input.NotesEn"] = "Enter from the courtyard.",
        });
        Assert.True(saved.IsSuccessStatusCode);

        var page = await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}?culture=en");
        var rows = page.QuerySelectorAll(".accessibility-block .access-facts div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.Equal("Yes", rows["Step-free access"]);
        Assert.Equal("No", rows["Induction loop"]);
        Assert.Equal("Not yet known – ask the contact", rows["Captions"]);
        Assert.Equal("Enter from the courtyard.", page.Text(".accessibility-block p"));
    }

    [Fact]
    public async Task EachPersonOfAGroupTicksTheirOwnNeedsAndTheTicksSurviveAddingAPerson()
    {
        var browser = App.Browser();
        var values = People.Registration("Aino Ääkkönen", "aino@example.fi");
        values.Remove("Input.Needs");
        var page = await Html.GetAsync(browser, $"/workshops/{RegistrationSteps.Rauma}");
        Tick(page, "Input.AccessNeeds", "Captions");
        page = await Html.ParseAsync(await Html.SubmitAsync(browser, page, values, submitter: "input[formaction='?handler=AddPerson']"));

        // The contact's tick is kept, and the second person has a checklist of their own, the diet included (on site).
        Assert.True(page.QuerySelector<IHtmlInputElement>("input[name='Input.AccessNeeds'][value=Captions]")!.IsChecked);
        Assert.Equal(7, page.QuerySelectorAll("fieldset.group-person input[name='Input.Others[0].AccessNeeds']").Length);
        Tick(page, "Input.Others[0].AccessNeeds", "StepFreeAccess", "Diet");
        values["Input.Others[0].Name"] = "Bertil Berg";
        values["Input.Others[0].Email"] = "bertil@example.fi";
        values["Input.Others[0].Group"] = "Municipal";
        values["Input.Others[0].Needs"] = "Gluteeniton";
        values["Input.OthersInformed"] = "true";
        var result = await Html.ParseAsync(await Html.SubmitAsync(browser, page, values));
        Assert.Equal("Ilmoittautumiset on tehty", result.Text("h1"));

        var stored = await App.WithDbAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => r.Email!, r => (r.AccessNeeds, r.Needs)));
        Assert.Equal((AccessNeeds.Captions, (string?)null), stored["aino@example.fi"]);
        Assert.Equal((AccessNeeds.StepFreeAccess | AccessNeeds.Diet, "Gluteeniton"), stored["bertil@example.fi"]);
    }

    [Fact]
    public async Task TheOrganisersAddFormStoresTheTicksWithAndWithoutAnEmailAddress()
    {
        foreach (var (name, email) in new[] { ("Gunnar", ""), ("Helmi", "helmi@example.fi") })
        {
            var form = await Html.GetAsync(Organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/add");
            Tick(form, "Input.AccessNeeds", "InductionLoop", "Assistant");
            var values = People.Registration(name, email);
            values["Input.Needs"] = null;
            if (email.Length == 0)
            {
                values["Input.NoEmail"] = "true";
            }

            var added = await Html.SubmitAsync(Organiser, form, values, "form.add-form");
            Assert.Equal($"/organiser/workshops/{RegistrationSteps.Rauma}", added.RequestMessage!.RequestUri!.AbsolutePath);
        }

        var stored = await App.WithDbAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => r.Name, r => (r.AccessNeeds, r.Email)));
        Assert.Equal((AccessNeeds.InductionLoop | AccessNeeds.Assistant, (string?)null), stored["Gunnar"]);
        Assert.Equal((AccessNeeds.InductionLoop | AccessNeeds.Assistant, (string?)"helmi@example.fi"), stored["Helmi"]);
        var attendees = await Html.GetAsync(Organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}");
        Assert.Equal("Induktiosilmukka: 2", attendees.Text(".needs-summary li[data-need=InductionLoop]"));
    }

    private static void Tick(IDocument page, string name, params string[] needs)
    {
        foreach (var need in needs)
        {
            page.QuerySelector<IHtmlInputElement>($"input[name='{name}'][value={need}]")!.IsChecked = true;
        }
    }
}
