using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MimeKit;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email.Templates;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Email;

/// <summary>
/// The results of a workshop (<see cref="EmailKind.Results"/>) for a participant or an outside recipient (a decision-maker
/// on the workshop's list): a clean HTML part and a text part, no calendar file, no personal link.
/// </summary>
public sealed class ResultsComposer(
    HtmlRenderer renderer,
    IStringLocalizer<SharedResource> l,
    MailEnvelope envelope,
    SiteLinks links,
    TimeProvider time)
{
    /// <summary>
    /// The message to <paramref name="name"/> &lt;<paramref name="address"/>&gt; in <paramref name="language"/> (Finnish when
    /// it is none of ours). The summary and <paramref name="takenForward"/> (the proposals taken forward) are read at send
    /// time, so the message says what the results say when it leaves; the organiser's cover note goes only to an outside
    /// recipient (issue 25, item 5).
    /// </summary>
    public async Task<MimeMessage> ComposeAsync(
        OutgoingEmail outgoing, Workshop workshop, IReadOnlyList<Proposal> takenForward, string name, string address, string language)
    {
        language = Cultures.IsSupported(language) ? language : Cultures.Default;
        var (html, text, subject) = await MailEnvelope.InCultureAsync(language, async () =>
        {
            var title = workshop.Title.For(language);
            var model = new ResultsEmailModel(
                name,
                title,
                Formats.When(WorkshopLifecycle.At(workshop, time), language),
                Paragraphs(workshop.Results.Summary.For(language)),
                takenForward.Select(p => new ResultsEmailItem(p.Text, workshop.IdeasWall.ThemeLabel(p.Theme, language))).ToList(),
                workshop.Results.Published ? links.ResultsPage(workshop.Slug, language) : null,
                links.WorkshopPage(workshop.Slug, language),
                l["Työpajan tulokset: {0}", title],
                outgoing.IsToOutsideRecipient ? WorkshopTexts.In(workshop.Results.CoverNote, language) : null);
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model });
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<ResultsHtml>(parameters)).ToHtmlString());
            var encodedText = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<ResultsText>(parameters)).ToHtmlString());
            return (html, MailEnvelope.PlainText(encodedText), model.Subject);
        });

        var message = envelope.Start(outgoing, subject, name, address, language, time.GetUtcNow(), replyToContact: true);
        message.Body = new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = text },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = html },
        };
        return MailEnvelope.Seal(message);
    }

    /// <summary>Paragraphs of a text typed with blank lines or line breaks between them (the results summary).</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
