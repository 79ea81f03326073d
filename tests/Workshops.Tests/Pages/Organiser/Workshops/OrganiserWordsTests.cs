using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Messaging;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// Issue 25, item 5: the organiser's own words in the emails. Practical information (edited from the workshop editor)
/// reaches the confirmation and the reminder, a cancellation's reason reaches every cancellation message, each in the
/// recipient's language (Finnish when that language is empty), escaped in the HTML part with its line breaks kept;
/// new words are previewed by the first submit and saved by the second. Read from the .eml files the site writes.
/// </summary>
public sealed class OrganiserWordsTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Markup = "Pysäköinti <b>P2</b> & <script>alert(1)</script>";

    private string PracticalPath => $"/organiser/workshops/{Rauma}/practical-information";

    private async Task RegisterAsync(string name, string email, string language)
    {
        var browser = App.Browser();
        var values = People.Registration(name, email);
        values["Input.Language"] = language;
        var response = await Html.SubmitAsync(browser, await Html.GetAsync(browser, $"/workshops/{Rauma}"), values);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
    }

    /// <summary>Every message written to the pickup folder so far, once <paramref name="count"/> have arrived.</summary>
    private async Task<List<MimeMessage>> MessagesAsync(int count)
    {
        var messages = new List<MimeMessage>();
        await Eventually.TrueAsync(async () =>
        {
            messages.Clear();
            foreach (var file in Directory.Exists(App.PickupDirectory) ? Directory.GetFiles(App.PickupDirectory, "*.eml") : [])
            {
                messages.Add(await MimeMessage.LoadAsync(file));
            }

            return messages.Count >= count;
        }, $"{count} messages were written");
        return messages;
    }

    private static MimeMessage To(List<MimeMessage> messages, string address, string subjectStart) =>
        Assert.Single(messages, m => m.To.Mailboxes.Single().Address == address && (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal));

    private static string Text(MimeMessage message) => message.TextBody!.ReplaceLineEndings("\n");

    /// <summary>The HTML part's paragraphs under a heading (h2) with the given text, as their inner HTML.</summary>
    private static List<string> HtmlParagraphsAfter(MimeMessage message, string heading)
    {
        var html = new HtmlParser().ParseDocument(message.HtmlBody!);
        var h2 = html.QuerySelectorAll("h2").Single(h => h.TextContent == heading);
        var paragraphs = new List<string>();
        for (var next = h2.NextElementSibling; next is { LocalName: "p" }; next = next.NextElementSibling)
        {
            paragraphs.Add(next.InnerHtml);
        }

        return paragraphs;
    }

    [Fact]
    public async Task PracticalInformationIsPreviewedThenSavedAndReachesConfirmationsAndLaterRemindersInEachLanguage()
    {
        var editor = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/edit");
        Assert.Equal(PracticalPath, editor.QuerySelector("a.practical-info-link")!.GetAttribute("href"));

        // The first submit shows the text as the email will, and saves nothing.
        var form = await Html.GetAsync(Organiser, PracticalPath);
        var previewResponse = await Html.SubmitAsync(Organiser, form, new Dictionary<string, string?>
        {
            ["Input.Fi"] = Markup + "\nLounas klo 12.\n\nOhjelma: avaus 9.00.",
            ["Input.Sv"] = "Parkering P2.\nLunch kl. 12.",
            ["Input.En"] = "",
        }, "form.words-form");
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        var preview = await Html.ParseAsync(previewResponse);
        var fiPreview = preview.QuerySelector(".words-preview .email-words[data-language=fi]")!;
        Assert.Equal("Pysäköinti &lt;b&gt;P2&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;<br>Lounas klo 12.", fiPreview.QuerySelectorAll("p")[0].InnerHtml.Trim().Replace("\n", "").Replace("  ", ""));
        Assert.Empty(preview.QuerySelectorAll(".words-preview script, .words-preview b"));
        Assert.Contains("Ei omaa tekstiä", preview.QuerySelector(".words-preview")!.TextContent);
        Assert.Equal("", (await App.WorkshopAsync(Rauma)).Words.PracticalInfo.Fi);

        // The second submit of the same words saves them.
        var saved = await Html.ParseAsync(await Html.SubmitAsync(Organiser, preview, new Dictionary<string, string?>(), "form.words-form"));
        Assert.Contains("Käytännön tiedot tallennettiin.", saved.Text(".outcome"));
        Assert.Equal(Markup + "\nLounas klo 12.\n\nOhjelma: avaus 9.00.", (await App.WorkshopAsync(Rauma)).Words.PracticalInfo.Fi);

        await RegisterAsync("Aino Ääkkönen", "aino@example.fi", "fi");
        await RegisterAsync("Sven Berg", "sven@example.fi", "sv");
        await RegisterAsync("Emma Brown", "emma@example.fi", "en");
        var confirmations = await MessagesAsync(3);

        var fi = To(confirmations, "aino@example.fi", "Paikkasi on vahvistettu");
        Assert.Contains("Käytännön tietoa:\n" + Markup + "\nLounas klo 12.\n\nOhjelma: avaus 9.00.\n", Text(fi), StringComparison.Ordinal);
        Assert.Equal(
            ["Pysäköinti &lt;b&gt;P2&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;<br>Lounas klo 12.", "Ohjelma: avaus 9.00."],
            HtmlParagraphsAfter(fi, "Käytännön tietoa").Select(p => p.Replace("\n", "").Replace("  ", "")).ToList());
        Assert.DoesNotContain("<script>", fi.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>P2", fi.HtmlBody, StringComparison.Ordinal);

        var sv = To(confirmations, "sven@example.fi", "Din plats är bekräftad");
        Assert.Contains("Praktisk information:\nParkering P2.\nLunch kl. 12.\n", Text(sv), StringComparison.Ordinal);
        Assert.Equal(["Parkering P2.<br>Lunch kl. 12."], HtmlParagraphsAfter(sv, "Praktisk information").Select(p => p.Replace("\n", "").Replace("  ", "")).ToList());

        // English left empty: the Finnish text, under the English heading.
        var en = To(confirmations, "emma@example.fi", "Your place is confirmed");
        Assert.Contains("Practical information:\n" + Markup + "\n", Text(en), StringComparison.Ordinal);
        Assert.Equal(2, HtmlParagraphsAfter(en, "Practical information").Count);

        // A change after the confirmations left sends no confirmation again; the reminder sent later carries the new text.
        var again = await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, PracticalPath), new Dictionary<string, string?> { ["Input.Fi"] = "Pysäköinti P5." }, "form.words-form");
        await Html.SubmitAsync(Organiser, await Html.ParseAsync(again), new Dictionary<string, string?>(), "form.words-form");
        Assert.Equal(3, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync()));
        using (var scope = App.Services.CreateScope())
        {
            var workshop = await App.WorkshopAsync(Rauma);
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<EventReminders>().SendNowAsync(workshop.Id, "organiser@example.fi"));
        }

        var all = await MessagesAsync(6);
        Assert.Contains("Käytännön tietoa:\nPysäköinti P5.\n", Text(To(all, "aino@example.fi", "Muistutus")), StringComparison.Ordinal);
        Assert.Contains("Praktisk information:\nParkering P2.", Text(To(all, "sven@example.fi", "Påminnelse")), StringComparison.Ordinal);
        Assert.Contains("Practical information:\nPysäköinti P5.\n", Text(To(all, "emma@example.fi", "Reminder")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLongPracticalInformationAndSwedishWithoutFinnishGetAMessageNextToTheFieldAndNothingIsSaved()
    {
        var form = await Html.GetAsync(Organiser, PracticalPath);
        var response = await Html.SubmitAsync(Organiser, form, new Dictionary<string, string?>
        {
            ["Input.Fi"] = "",
            ["Input.Sv"] = "Parkering.",
            ["Input.En"] = new string('x', 2001),
        }, "form.words-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Kirjoita myös suomenkielinen teksti: se näytetään, kun kieliversio puuttuu.", page.Text("#Input_Fi-error"));
        Assert.Equal("Kirjoita enintään 2000 merkkiä.", page.Text("#Input_En-error"));
        Assert.Equal("true", page.QuerySelector("#Input_En")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector(".words-preview"));
        Assert.Equal("", (await App.WorkshopAsync(Rauma)).Words.PracticalInfo.Sv);
    }

    [Fact]
    public async Task ACancellationReasonIsPreviewedThenReachesEveryoneInTheirLanguageEscaped()
    {
        await RegisterAsync("Aino Ääkkönen", "aino@example.fi", "fi");
        await RegisterAsync("Sven Berg", "sven@example.fi", "sv");
        await RegisterAsync("Emma Brown", "emma@example.fi", "en");
        await MessagesAsync(3);

        var ask = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/cancel");
        var previewResponse = await Html.SubmitAsync(Organiser, ask, new Dictionary<string, string?>
        {
            ["Reason.Fi"] = "Kouluttaja sairastui.\n<i>Pahoittelemme</i>.",
            ["Reason.Sv"] = "",
            ["Reason.En"] = "The trainer fell ill.",
        }, "form.words-form");
        var preview = await Html.ParseAsync(previewResponse);
        Assert.NotNull(preview.QuerySelector(".words-preview"));
        Assert.Equal(WorkshopStatus.Open, (await App.WorkshopAsync(Rauma)).Status); // the preview cancelled nothing

        var done = await Html.ParseAsync(await Html.SubmitAsync(Organiser, preview, new Dictionary<string, string?>(), "form.words-form"));
        Assert.Contains("Peruutusviesti lähtee 3 ilmoittautuneelle.", done.Text(".outcome"));
        var cancelled = await App.WorkshopAsync(Rauma);
        Assert.Equal(WorkshopStatus.Cancelled, cancelled.Status);
        Assert.Equal("Kouluttaja sairastui.\n<i>Pahoittelemme</i>.", cancelled.Words.CancellationReason.Fi);

        var all = await MessagesAsync(6);
        var fi = To(all, "aino@example.fi", "Työpaja on peruttu");
        Assert.Contains("Järjestäjien viesti:\nKouluttaja sairastui.\n<i>Pahoittelemme</i>.\n", Text(fi), StringComparison.Ordinal);
        Assert.Equal(["Kouluttaja sairastui.<br>&lt;i&gt;Pahoittelemme&lt;/i&gt;."],
            HtmlParagraphsAfter(fi, "Järjestäjien viesti").Select(p => p.Replace("\n", "").Replace("  ", "")).ToList());
        // Swedish left empty: the Finnish reason under the Swedish heading.
        var sv = To(all, "sven@example.fi", "Workshoppen är inställd");
        Assert.Contains("Arrangörernas meddelande:\nKouluttaja sairastui.", Text(sv), StringComparison.Ordinal);
        Assert.Single(HtmlParagraphsAfter(sv, "Arrangörernas meddelande"));
        var en = To(all, "emma@example.fi", "Workshop cancelled");
        Assert.Contains("A message from the organisers:\nThe trainer fell ill.\n", Text(en), StringComparison.Ordinal);
        Assert.Equal(["The trainer fell ill."], HtmlParagraphsAfter(en, "A message from the organisers"));
    }

    [Fact]
    public async Task TheCancelPageNamesTheWorkshopInTheOrganisersLanguage()
    {
        var en = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/cancel?culture=en");
        var sv = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/cancel?culture=sv");

        Assert.Equal("Together against loneliness – Satakunta workshop in Rauma", en.Text(".breadcrumb"));
        Assert.Contains("Do you really want to cancel the workshop Together against loneliness", en.Text("main"));
        Assert.Equal("Tillsammans mot ensamhet – Satakuntas workshop i Raumo", sv.Text(".breadcrumb"));
    }
}
