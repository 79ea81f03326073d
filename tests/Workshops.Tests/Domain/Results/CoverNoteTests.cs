using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;

namespace Workshops.Tests.Domain.Results;

/// <summary>
/// Issue 25, item 5: the organiser's cover note on the results email to a decision-maker (an outside recipient), written
/// on the results page, previewed before it is saved, and carried in the recipient's language, escaped, through a real
/// SMTP server.
/// </summary>
public sealed class CoverNoteTests : AppWithMailServer
{
    private const string Bench = Outcome.BenchCafe;
    private const string CityManager = "kaupunginjohtaja@pori.example.fi";

    private string ResultsPath => $"/organiser/workshops/{Bench}/results";

    [Fact]
    public async Task TheCoverNoteIsPreviewedSavedAndReachesTheResultsEmailToAnOutsideRecipientInTheirLanguage()
    {
        App.Time.SetUtcNow(Outcome.AfterTheBenchCafe);
        var organiser = await Organisers.SignedInAsync(App);
        await Outcome.AddRecipientAsync(organiser, "Lars Stadsdirektör", CityManager, language: "sv");

        var page = await Html.GetAsync(organiser, ResultsPath);
        var preview = await Html.ParseAsync(await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>
        {
            ["CoverNote.Fi"] = "Hyvä vastaanottaja,\ntässä tulokset.",
            ["CoverNote.Sv"] = "Bästa mottagare,\nhär är resultaten <från> oss & er.",
        }, "#cover-note form"));
        Assert.NotNull(preview.QuerySelector("#cover-note .words-preview"));
        Assert.Equal("", (await App.WorkshopAsync(Bench)).Results.CoverNote.Sv); // the preview saved nothing

        var saved = await Html.ParseAsync(await Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "#cover-note form"));
        Assert.Contains("Saateviesti tallennettiin.", saved.Text(".outcome"));
        Assert.Equal("Bästa mottagare,\nhär är resultaten <från> oss & er.", (await App.WorkshopAsync(Bench)).Results.CoverNote.Sv);

        await Html.SubmitAsync(organiser, saved, new Dictionary<string, string?>(), $"tr[data-email='{CityManager}'] form.send-recipient");
        var message = await Smtp.NextMessageAsync();
        Assert.Equal(CityManager, message.To.Mailboxes.Single().Address);
        Assert.StartsWith("Hej Lars Stadsdirektör,\n\nBästa mottagare,\nhär är resultaten <från> oss & er.\n", message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var html = new HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Equal("Bästa mottagare,<br>här är resultaten &lt;från&gt; oss &amp; er.",
            html.QuerySelector("body > div > p")!.InnerHtml.Replace("\n", "").Replace("  ", ""));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.RegistrationId != null)));
    }
}
