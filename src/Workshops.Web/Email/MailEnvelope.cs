using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Email;

/// <summary>
/// What every email of the site has in common, whichever composer writes its body: the headers (From, Reply-To, To,
/// Subject, Message-ID, Date, <c>Auto-Submitted</c>, <c>Content-Language</c>), the 7-bit transfer encoding, the culture the
/// templates render in, and the plain body of short notices (paragraphs as text and simple HTML).
/// </summary>
public sealed class MailEnvelope(IOptions<EmailOptions> email, IOptions<SiteOptions> site)
{
    /// <summary>
    /// A message to <paramref name="name"/> &lt;<paramref name="address"/>&gt; in <paramref name="language"/> (fi/sv/en), dated
    /// <paramref name="date"/>, with the outbox row's stable Message-ID (a retry sends the same one). Reply-To is the
    /// project's contact (<see cref="EmailOptions.ReplyTo"/>) when <paramref name="replyToContact"/>: messages to
    /// participants; notices to members leave it out. The caller sets the body, then calls <see cref="Seal"/>.
    /// </summary>
    public MimeMessage Start(OutgoingEmail outgoing, string subject, string name, string address, string language, DateTimeOffset date, bool replyToContact)
    {
        var message = new MimeMessage { MessageId = outgoing.MessageId(site.Value.BaseUri.Host), Date = date };
        message.From.Add(MailboxAddress.Parse(email.Value.From));
        if (replyToContact && !string.IsNullOrWhiteSpace(email.Value.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(email.Value.ReplyTo));
        }

        SetSubject(message, subject);
        AddRecipient(message, name, address);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add(HeaderId.ContentLanguage, language);
        return message;
    }

    /// <summary>
    /// Gives every part a Content-Transfer-Encoding that survives a 7-bit path (quoted-printable or base64), the same for
    /// the pickup folder as for SMTP, instead of raw 8-bit UTF-8 that a relay without 8BITMIME must convert.
    /// </summary>
    public static MimeMessage Seal(MimeMessage message)
    {
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>
    /// The body of a short notice: the paragraphs as plain text (a blank line between them) and as HTML in
    /// <paramref name="language"/>, every text encoded, a line break inside a paragraph kept, in the participants' emails'
    /// inline styles (<c>Templates/HtmlMessage.razor</c>: mail clients ignore stylesheets). A paragraph that is exactly
    /// <paramref name="link"/> (a one-use address) becomes a link that wraps on a phone rather than one line wider than the screen.
    /// </summary>
    public static MimeEntity NoticeBody(IReadOnlyList<string> paragraphs, string subject, string language, string? link = null)
    {
        static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
        var body = string.Concat(paragraphs.Select(p => link is not null && p == link
            ? $"<p style=\"margin:0 0 16px;\"><a href=\"{Encode(p)}\" style=\"color:#00497a;font-weight:bold;overflow-wrap:anywhere;word-break:break-all;\">{Encode(p)}</a></p>"
            : $"<p style=\"margin:0 0 16px;overflow-wrap:anywhere;\">{Encode(p)}</p>"));
        var html = $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{Encode(subject)}</title></head>"
            + "<body style=\"margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1f24;background:#ffffff;\">"
            + body + "</body></html>";
        return new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = string.Join("\n\n", paragraphs) + "\n" },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = html },
        };
    }

    /// <summary>Runs <paramref name="action"/> with the current culture and UI culture set to <paramref name="language"/>, restoring both after.</summary>
    public static async Task<T> InCultureAsync<T>(string language, Func<Task<T>> action)
    {
        var (previousCulture, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    /// <summary>
    /// The To header shows the name exactly as typed. MimeKit leaves an ASCII name as it is, so a name that itself looks
    /// like an RFC 2047 encoded word (<c>=?utf-8?b?…?=</c>) would be decoded by mail clients into other text: such a name
    /// is written as base64 encoded words, which decode back to the literal text.
    /// </summary>
    public static void AddRecipient(MimeMessage message, string name, string address)
    {
        var mailbox = new MailboxAddress(name, address);
        message.To.Add(mailbox);
        if (!name.Contains("=?", StringComparison.Ordinal))
        {
            return;
        }

        var options = FormatOptions.Default.Clone();
        options.International = true;
        var bare = new MailboxAddress("", address).ToString(options, encode: true);
        var raw = " " + string.Join("\r\n ", EncodedWords(name)) + "\r\n <" + bare + ">\r\n";
        message.Headers.First(h => h.Id == HeaderId.To).SetRawValue(System.Text.Encoding.UTF8.GetBytes(raw));
    }

    /// <summary>
    /// The Subject header shows the text exactly as written: one that itself looks like an RFC 2047 encoded word (an
    /// organiser's subject may) is written as base64 encoded words, which decode back to the literal text.
    /// </summary>
    public static void SetSubject(MimeMessage message, string subject)
    {
        message.Subject = subject;
        if (!subject.Contains("=?", StringComparison.Ordinal))
        {
            return;
        }

        var raw = " " + string.Join("\r\n ", EncodedWords(subject)) + "\r\n";
        message.Headers.First(h => h.Id == HeaderId.Subject).SetRawValue(System.Text.Encoding.UTF8.GetBytes(raw));
    }

    /// <summary>Razor encodes text for HTML; the plain-text part wants it back exactly as written.</summary>
    public static string PlainText(string encoded)
    {
        var lines = WebUtility.HtmlDecode(encoded).Replace("\r\n", "\n").Split('\n').Select(line => line.TrimEnd());
        var text = string.Join("\n", lines).Trim();
        while (text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return text.Replace("\n--\n", "\n-- \n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>utf-8 base64 encoded words of at most 75 characters each, never splitting a character.</summary>
    private static IEnumerable<string> EncodedWords(string text)
    {
        var chunk = new System.Text.StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (System.Text.Encoding.UTF8.GetByteCount(chunk.ToString()) + rune.Utf8SequenceLength > 45)
            {
                yield return Word(chunk.ToString());
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        yield return Word(chunk.ToString());

        static string Word(string part) => "=?utf-8?b?" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(part)) + "?=";
    }
}
