namespace Workshops.Web.Domain;

/// <summary>
/// What text the site accepts: no control characters (so no header or CSV line injection), no broken UTF-16 or
/// undecodable input (U+FFFD), no hidden reordering; and how text is stored and compared: NFC, and an email address's
/// uniqueness key.
/// </summary>
public static class TextRules
{
    /// <summary>The text trimmed, or null when it is null, empty or only white space (an optional field left blank).</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Optional text as stored: null when blank, otherwise trimmed and NFC (<see cref="Nfc"/>).</summary>
    public static string? OptionalNfc(string? text) => Blank(text) is { } trimmed ? Nfc(trimmed) : null;

    public static bool IsClean(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                return false;
            }

            var isLineBreak = c is '\n' or '\r' or '\t';
            if (char.IsControl(c) && !(allowLineBreaks && isLineBreak))
            {
                return false;
            }

            // Unicode line and paragraph separators, bidi overrides and BOMs hide or reorder text. U+FFFD is what the
            // form reader makes of bytes that are not UTF-8: the text as typed is lost, so it is refused, not stored.
            // U+FFFE and U+FFFF are noncharacters.
            if (c is '\u2028' or '\u2029' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\uFEFF'
                or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\uFFFD' or '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The uniqueness key of a mailbox: NFC, the domain in its IDNA ASCII form (<c>exämple.fi</c> and
    /// <c>xn--exmple-cua.fi</c> are one domain), and lower case throughout, so one person written two ways is one person.
    /// </summary>
    public static string NormalizeEmail(string email)
    {
        var text = Nfc(email.Trim());
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            return text.ToLowerInvariant();
        }

        var domain = text[(at + 1)..];
        try
        {
            domain = new System.Globalization.IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            // Not a deliverable domain (validation refuses it): compare it as written.
        }

        return Nfc(text[..at].ToLowerInvariant()) + "@" + domain.ToLowerInvariant();
    }

    /// <summary>
    /// Unicode NFC, so a decomposed "a" + combining diaeresis is the same text as "ä". Text that cannot be normalised
    /// (a lone surrogate) stays as it is, for validation to refuse.
    /// </summary>
    public static string Nfc(string text)
    {
        try
        {
            return text.Normalize(System.Text.NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
