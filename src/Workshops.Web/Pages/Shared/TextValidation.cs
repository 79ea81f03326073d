using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Workshops.Web.Pages.Shared;

/// <summary>One line of text: no control characters (so no header or CSV line injection) and no broken UTF-16.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleLineTextAttribute : ValidationAttribute
{
    // Messages are set in ErrorMessage, not passed to base(…): MVC translates only ErrorMessage.
    public SingleLineTextAttribute() => ErrorMessage = "Poista tekstistä rivinvaihdot ja erikoismerkit.";

    public override bool IsValid(object? value) => value is not string s || TextRules.IsClean(s, allowLineBreaks: false);
}

/// <summary>Free text that may span lines, but holds no other control characters or broken UTF-16.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineTextAttribute : ValidationAttribute
{
    public MultiLineTextAttribute() => ErrorMessage = "Poista tekstistä erikoismerkit.";

    public override bool IsValid(object? value) => value is not string s || TextRules.IsClean(s, allowLineBreaks: true);
}

/// <summary>An address people can actually receive mail at: local@domain.tld, nothing around it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainEmailAttribute : ValidationAttribute
{
    public PlainEmailAttribute() => ErrorMessage = "Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.";

    public override bool IsValid(object? value)
    {
        if (value is not string s)
        {
            return true;
        }

        s = s.Trim();
        var at = s.LastIndexOf('@');
        return at > 0
            && s.IndexOf('@') == at
            && s.IndexOf('.', at) > at + 1
            && !s.EndsWith('.')
            && TextRules.IsClean(s, allowLineBreaks: false)
            && !s.Any(char.IsWhiteSpace)
            && !s.Any(c => c is '<' or '>' or '"' or ',' or ';' or '(' or ')' or '[' or ']' or '\\')
            && MailAddress.TryCreate(s, out var parsed)
            && parsed.Address == s;
    }
}

public static class TextRules
{
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

            // Unicode line and paragraph separators, bidi overrides and BOMs hide or reorder text.
            if (c is '\u2028' or '\u2029' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\uFEFF'
                or '\u2066' or '\u2067' or '\u2068' or '\u2069')
            {
                return false;
            }
        }

        return true;
    }
}
