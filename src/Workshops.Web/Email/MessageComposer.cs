using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Workshops.Web.Calendar;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email.Templates;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Email;

/// <summary>Turns an outbox row into a finished MIME message in the registrant's language (Razor components as templates).</summary>
public sealed class MessageComposer(
    HtmlRenderer renderer,
    WorkshopCalendar calendar,
    IStringLocalizer<SharedResource> l,
    MailEnvelope envelope,
    SiteLinks links,
    IOptions<FunderOptions> funder,
    TimeProvider time)
{
    /// <summary>
    /// Stands in the plain-text template for an organiser's own text, which is put in after the template's whitespace
    /// is tidied, so the text part carries the text exactly as typed.
    /// </summary>
    public const string OrganiserTextMarker = "\u2063ORGANISER-TEXT\u2063";

    /// <summary>
    /// The finished MIME message of one outbox row, in the registration's language (Finnish when it has none of ours);
    /// <c>attendeeMessage</c> is the organiser's message (its texts) for <see cref="EmailKind.AttendeeMessage"/>, otherwise null;
    /// <c>answers</c> the person's answers, listed with the details of <see cref="EmailKind.DetailsCorrected"/>;
    /// <c>offerDeadlineUtc</c> the deadline of the person's latest seat offer (the offer messages); <c>registeredBy</c> the
    /// name of the group's contact who registered them (their confirmation or waiting-list message says so);
    /// <c>certificatePdf</c> the certificate of attendance attached to <see cref="EmailKind.Certificate"/>.
    /// </summary>
    public async Task<MimeMessage> ComposeAsync(
        OutgoingEmail outgoing, Registration registration, Workshop workshop, int? waitingListPosition, string manageToken, AttendeeMessage? attendeeMessage = null, PersonAnswers? answers = null,
        DateTime? offerDeadlineUtc = null, string? registeredBy = null, byte[]? certificatePdf = null)
    {
        var language = Cultures.IsSupported(registration.Language) ? registration.Language : Cultures.Default;
        var extras = new Extras(attendeeMessage, answers, offerDeadlineUtc, registeredBy);
        var (html, text, subject) = await RenderAsync(outgoing, registration, workshop, waitingListPosition, manageToken, language, extras);

        var message = envelope.Start(outgoing, subject, registration.Name,
            registration.Email ?? throw new InvalidOperationException("A message to someone without an address (the outbox queues none)."),
            language, time.GetUtcNow(), replyToContact: true);
        message.Body = outgoing.Kind == EmailKind.Certificate
            ? WithCertificate(text, html, certificatePdf ?? throw new ArgumentNullException(nameof(certificatePdf)), workshop)
            : Body(outgoing.Kind, registration, workshop, language, text, html);
        return MailEnvelope.Seal(message);
    }

    /// <summary>
    /// What a recipient of <paramref name="message"/> in <paramref name="language"/> would get, rendered by the same
    /// templates as the real message, for the organiser's preview. The manage link is a sample (nothing is stored).
    /// </summary>
    public async Task<EmailPreview> PreviewAsync(AttendeeMessage message, Workshop workshop, string language, RegistrationStatus status)
    {
        var outgoing = new OutgoingEmail { Kind = EmailKind.AttendeeMessage };
        var registration = new Registration { Name = "", Language = language, Status = status, Workshop = workshop };
        var (html, text, subject) = await RenderAsync(outgoing, registration, workshop, null, "esimerkki", language, new Extras(message, null, null, null));
        return new EmailPreview(language, subject, text, html);
    }

    /// <summary>What some kinds of message show beside the registration and the workshop.</summary>
    private sealed record Extras(AttendeeMessage? Message, PersonAnswers? Answers, DateTime? OfferDeadlineUtc, string? RegisteredBy);

    private async Task<(string Html, string Text, string Subject)> RenderAsync(
        OutgoingEmail outgoing, Registration registration, Workshop workshop, int? waitingListPosition, string manageToken, string language, Extras extras)
    {
        return await MailEnvelope.InCultureAsync(language, async () =>
        {
            var model = Model(outgoing, registration, workshop, waitingListPosition, manageToken, language, extras);
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model });
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<HtmlMessage>(parameters)).ToHtmlString());
            var encodedText = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TextMessage>(parameters)).ToHtmlString());
            var text = MailEnvelope.PlainText(encodedText);
            if (model.OrganiserText is { } own)
            {
                text = text.Replace(OrganiserTextMarker, own.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            }

            return (html, text, model.Subject);
        });
    }

    /// <summary>
    /// multipart/mixed [ multipart/alternative [ text, html, text/calendar;method=… ], invite.ics ]: the shape
    /// calendar invitations have, so Outlook, Gmail and Apple Mail offer the entry and apply updates to it.
    /// A feedback request comes after the workshop and carries no calendar part at all.
    /// Someone on the waiting list has no seat yet: they get the public file as a plain attachment only,
    /// so nothing lands in their calendar unless they add it.
    /// </summary>
    private MimeEntity Body(EmailKind kind, Registration registration, Workshop workshop, string language, string text, string html)
    {
        var alternative = new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = text },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = html },
        };
        if (kind == EmailKind.AttendeeMessage)
        {
            // An organiser's note changes nothing in the calendar: no entry to add or update.
            return alternative;
        }

        if (kind is EmailKind.FeedbackRequest or EmailKind.SelfEntry)
        {
            return alternative; // the workshop is over: no calendar entry to add or update
        }

        var cancel = kind is EmailKind.Cancelled or EmailKind.WorkshopCancelled or EmailKind.OfferDeclined or EmailKind.OfferExpired or EmailKind.OfferWithdrawn;
        var personal = calendar.ForRegistration(workshop, registration, language, cancel);
        var ics = personal.Ics;
        if (personal.IsScheduling)
        {
            var inline = new TextPart("calendar") { Text = ics };
            inline.ContentType.Parameters.Add("method", personal.Method);
            inline.ContentType.Charset = "utf-8";
            alternative.Add(inline);
        }

        // text/calendar with its method and charset, like the inline part: clients that look only at the attachment
        // (and mail filters that distrust application/*) still know it is an invitation, an update or a cancellation.
        var attachment = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = $"{workshop.Slug}.ics",
        };
        attachment.ContentType.Parameters.Add("method", personal.Method);
        attachment.ContentType.Charset = "utf-8";
        return new Multipart("mixed") { alternative, attachment };
    }

    /// <summary>
    /// multipart/mixed [ multipart/alternative [ text, html ], the certificate as application/pdf ]: after the workshop, so no
    /// calendar part. The PDF is about 60 kB (the font subset), well inside any mail server's limit.
    /// </summary>
    private static Multipart WithCertificate(string text, string html, byte[] pdf, Workshop workshop) => new("mixed")
    {
        new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = text },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = html },
        },
        new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(pdf)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = Certificates.CertificateDocument.FileName(workshop),
        },
    };

    private EmailModel Model(OutgoingEmail outgoing, Registration registration, Workshop workshop, int? position, string token, string language, Extras extras)
    {
        var (message, answers) = (extras.Message, extras.Answers);
        var title = workshop.Title.For(language);
        var life = WorkshopLifecycle.At(workshop, time);
        (string Subject, string Body)? own = message?.For(language);
        var answersOffer = outgoing.Kind is EmailKind.SeatOffered or EmailKind.OfferExtended;
        var previous = outgoing.PreviousScheduleJson is null ? null : JsonSerializer.Deserialize<PreviousSchedule>(outgoing.PreviousScheduleJson);
        var subject = outgoing.Kind switch
        {
            EmailKind.Confirmed when workshop.IsWalkIn => l["Tervetuloa: {0}", title],
            EmailKind.Confirmed => l["Paikkasi on vahvistettu: {0}", title],
            EmailKind.Waitlisted => l["Olet jonossa: {0}", title],
            EmailKind.Promoted => l["Sinulle vapautui paikka: {0}", title],
            EmailKind.Cancelled => l["Ilmoittautumisesi on peruttu: {0}", title],
            EmailKind.Changed => l["Muutos työpajaan: {0}", title],
            EmailKind.WorkshopCancelled => l["Työpaja on peruttu: {0}", title],
            EmailKind.DetailsCorrected => l["Tietosi on päivitetty: {0}", title],
            EmailKind.EventReminder => l["Muistutus: {0}", title],
            EmailKind.AttendeeMessage => own!.Value.Subject,
            EmailKind.FeedbackRequest => l["Miten työpaja onnistui? {0}", title],
            EmailKind.SelfEntry => l["Osallistujatietosi rahoittajalle: {0}", title],
            EmailKind.SeatOffered => l["Sinulle tarjotaan paikkaa: {0}", title],
            EmailKind.OfferExtended => l["Lisäaikaa vastata paikkatarjoukseen: {0}", title],
            EmailKind.OfferDeclined => l["Kieltäydyit tarjotusta paikasta: {0}", title],
            EmailKind.OfferExpired => l["Paikkatarjous päättyi: {0}", title],
            EmailKind.OfferWithdrawn => l["Paikkatarjous peruttiin: {0}", title],
            EmailKind.Certificate => l["Todistus osallistumisesta: {0}", title],
            _ => l["Ilmoittautumisesi tiedot: {0}", title],
        };
        return new EmailModel(
            outgoing.Kind,
            registration.Status,
            registration.Name,
            title,
            Formats.When(life, language),
            workshop.WhereFor(workshop.ModeOf(registration), language, l["Verkossa"]),
            workshop.JoinUrlFor(registration),
            workshop.IsWalkIn,
            position,
            previous is null ? null : When(previous.Date, previous.StartTime, previous.EndTime, language),
            previous is null ? null : PlaceText(workshop.Format, previous.Place == workshop.Place ? workshop.PlaceFor(language) : previous.Place),
            links.WorkshopPage(workshop.Slug, language),
            links.ManagePage(token),
            subject,
            workshop.HasSeatLimit,
            outgoing.Kind == EmailKind.DetailsCorrected ? PersonDetails(registration, workshop, answers, language) : null,
            own?.Body,
            outgoing.Kind == EmailKind.FeedbackRequest ? links.FeedbackPage(token) : null,
            MayStillCancel: outgoing.Kind != EmailKind.Cancelled && registration.Status != RegistrationStatus.Cancelled
                && RegistrationPolicy.MayCancel(life, registration),
            MayRegisterAgain: RegistrationRules.WhyClosed(life) == ClosedReason.None,
            NeedsNoted: outgoing.Kind is EmailKind.Confirmed or EmailKind.Waitlisted or EmailKind.Promoted or EmailKind.Reminder ? NeedsNoted(registration) : null,
            OfferDeadline: extras.OfferDeadlineUtc is { } deadline ? Formats.Moment(deadline, language) : null,
            AcceptUrl: answersOffer ? links.OfferPage(token, accept: true) : null,
            DeclineUrl: answersOffer ? links.OfferPage(token, accept: false) : null,
            RegisteredBy: extras.RegisteredBy,
            PrivacyUrl: extras.RegisteredBy is null ? null : links.PrivacyPage(language),
            SelfEntryUrl: outgoing.Kind == EmailKind.SelfEntry ? funder.Value.SelfEntry?.AbsoluteUri : null,
            PracticalInfo: CarriesPracticalInfo(outgoing.Kind, registration, workshop) ? WorkshopTexts.In(workshop.Words.PracticalInfo, language) : null,
            CancellationReason: outgoing.Kind == EmailKind.WorkshopCancelled ? WorkshopTexts.In(workshop.Words.CancellationReason, language) : null);
    }

    /// <summary>
    /// The messages that carry the practical information (issue 25): the confirmation (also a seat from the waiting list,
    /// and the current state sent again to a confirmed person) and the reminder, while the workshop is not cancelled.
    /// Read at send time, so a reminder sent after an edit carries the new text.
    /// </summary>
    private static bool CarriesPracticalInfo(EmailKind kind, Registration registration, Workshop workshop) =>
        workshop.Status != WorkshopStatus.Cancelled && (kind is EmailKind.Confirmed or EmailKind.Promoted or EmailKind.EventReminder
            || (kind == EmailKind.Reminder && registration.Status == RegistrationStatus.Confirmed));

    /// <summary>The needs the person gave, for the message to acknowledge: the ticked ones' labels, then the free text; null when none.</summary>
    private List<string>? NeedsNoted(Registration registration)
    {
        var noted = Domain.Accessibility.AccessNeedsSummary.Split(registration.AccessNeeds).Select(n => l[Labels.Need(n)].Value).ToList();
        if (registration.Needs is { } needs)
        {
            noted.Add(needs);
        }

        return noted.Count > 0 ? noted : null;
    }

    /// <summary>
    /// The details as the personal page shows them, the answers to the workshop's questions included, read at send time
    /// (so a later correction's values, never stale ones).
    /// </summary>
    private List<EmailDetail> PersonDetails(Registration registration, Workshop workshop, PersonAnswers? answers, string language)
    {
        var details = new List<EmailDetail> { new(l["Nimi"], registration.Name), new(l["Sähköposti"], registration.Email ?? "") };
        if (registration.Organisation is { } organisation)
        {
            details.Add(new(l["Organisaatio"], organisation));
        }

        details.Add(new(l["Ryhmä"], l[Labels.Group(registration.Group)]));
        if (NeedsNoted(registration) is { } needs)
        {
            details.Add(new(l["Tarpeet"], string.Join("\n", needs)));
        }

        details.AddRange((answers?.Lines(language) ?? []).Select(line => new EmailDetail(line.Question, line.Answer)));
        return details;
    }

    private string When(DateOnly date, TimeOnly? start, TimeOnly? end, string language) =>
        Formats.When(date, start, end, language);

    private string? PlaceText(WorkshopFormat format, string? place) =>
        format == WorkshopFormat.Online ? l["Verkossa"] : place;
}
