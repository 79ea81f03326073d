using System.ComponentModel.DataAnnotations;
using Workshops.Web.Domain;

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

/// <summary>
/// An address people can actually receive mail at, as the sending side (MimeKit) reads it: local@domain.tld,
/// nothing around it, no quoted or bracketed forms, and none of the look-alike tricks (fullwidth forms,
/// invisible format characters) that would make a second "person" out of an existing mailbox.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainEmailAttribute : ValidationAttribute
{
    public PlainEmailAttribute() => ErrorMessage = "Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.";

    // A decomposed "ä" (NFD, as some keyboards and macOS file names produce) is the same address: stored as NFC.
    public override bool IsValid(object? value) => value is not string s || EmailAddressRules.IsSendable(TextRules.Nfc(s.Trim()));
}

public static class EmailAddressRules
{
    private static readonly MimeKit.ParserOptions Strict = new()
    {
        AddressParserComplianceMode = MimeKit.RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
        Rfc2047ComplianceMode = MimeKit.RfcComplianceMode.Strict,
    };

    /// <summary>True when <paramref name="address"/> is a bare address the outbox can compose and send.</summary>
    public static bool IsSendable(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || address.IndexOf('@') != at || address.Length > 254
            || !TextRules.IsClean(address, allowLineBreaks: false)
            || address.Any(c => char.IsWhiteSpace(c) || IsLookAlike(c) || c is '"' or '\\' or '[' or ']' or '<' or '>' or '(' or ')' or ',' or ';' or ':'))
        {
            return false;
        }

        var domain = address[(at + 1)..];
        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || l.StartsWith('-') || l.EndsWith('-'))
            || !labels[^1].All(char.IsLetter) && !labels[^1].StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            // The IDN form is what goes on the wire; a domain without one cannot be delivered to.
            _ = new System.Globalization.IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        return MimeKit.MailboxAddress.TryParse(Strict, address, out var parsed)
            && parsed.Address == address
            && string.IsNullOrEmpty(parsed.Name)
            && parsed.Route.Count == 0;
    }

    /// <summary>Invisible format characters (zero-width joiners, soft hyphens, bidi marks) and fullwidth forms.</summary>
    private static bool IsLookAlike(char c) =>
        char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || c is >= '\uFF00' and <= '\uFFEF';
}
