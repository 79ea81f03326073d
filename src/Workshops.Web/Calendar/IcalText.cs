using System.Globalization;
using System.Text;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace Workshops.Web.Calendar;

/// <summary>
/// iCalendar text (RFC 5545) for <see cref="WorkshopCalendar"/>: serialising a calendar free of the current culture,
/// folding lines on whole characters, mailto: URIs for ORGANIZER and ATTENDEE, and organiser-written text made safe
/// for property and parameter values.
/// </summary>
public static class IcalText
{
    /// <summary>The calendar as RFC 5545 text, culture-free and folded at 75 octets on whole characters.</summary>
    public static string Serialize(IcalCalendar calendar)
    {
        // Ical.Net formats numbers with the current culture: under fi or sv the VTIMEZONE rule came out as
        // BYDAY=\u22121SU (a typographic minus) and other parsers rejected the file. iCalendar is culture-free.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return Refold(new CalendarSerializer().SerializeToString(calendar)
                ?? throw new InvalidOperationException("Ical.Net produced no calendar text."));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>
    /// Folds every line again at 75 octets (RFC 5545 3.1) on whole characters: Ical.Net folds by UTF-16 units and
    /// could cut an emoji's surrogate pair in two, leaving invalid UTF-8 on both lines.
    /// </summary>
    public static string Refold(string text)
    {
        var logical = new List<StringBuilder>();
        foreach (var line in text.Split("\r\n"))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && logical.Count > 0)
            {
                logical[^1].Append(line, 1, line.Length - 1);
            }
            else if (line.Length > 0)
            {
                logical.Add(new StringBuilder(line));
            }
        }

        var folded = new StringBuilder(text.Length + 64);
        foreach (var line in logical)
        {
            var octets = 0;
            foreach (var rune in line.ToString().EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > 75)
                {
                    folded.Append("\r\n ");
                    octets = 1;
                }

                folded.Append(rune.ToString());
                octets += rune.Utf8SequenceLength;
            }

            folded.Append("\r\n");
        }

        return folded.ToString();
    }

    /// <summary>A UTC moment as an iCalendar date-time with the Z suffix (DTSTAMP, LAST-MODIFIED).</summary>
    public static CalDateTime Utc(DateTime utc) =>
        new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "UTC", hasTime: true);

    /// <summary>
    /// A mailto: URI (RFC 6068) for any sendable address: the local part percent-encoded (so `%`, `{`, `|`,
    /// `^` and non-ASCII letters make a valid URI) and the domain in its IDN (ASCII) form.
    /// </summary>
    public static string MailTo(string email)
    {
        email = email.Trim();
        var at = email.LastIndexOf('@');
        if (at < 0)
        {
            return "mailto:" + Uri.EscapeDataString(email);
        }

        var domain = email[(at + 1)..];
        var asciiDomain = domain.All(char.IsAscii) ? domain : new System.Globalization.IdnMapping().GetAscii(domain);
        return "mailto:" + Uri.EscapeDataString(email[..at]) + "@" + asciiDomain;
    }

    /// <summary>Organiser-written text: one kind of line break, and no control characters iCalendar forbids.</summary>
    public static string Clean(string text) =>
        new(text.ReplaceLineEndings("\n").Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray());

    /// <summary><see cref="Clean"/> of the trimmed text, or null for an empty or blank one.</summary>
    public static string? CleanOrNull(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Clean(text.Trim());

    /// <summary>Parameter values (CN) may be quoted but cannot contain quotes or line breaks.</summary>
    public static string ParameterText(string text) =>
        Clean(text).Replace('"', '\'').ReplaceLineEndings(" ").Trim();
}
