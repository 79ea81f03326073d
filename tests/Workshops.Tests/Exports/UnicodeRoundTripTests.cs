using System.IO.Compression;
using System.Xml.Linq;
using CsCheck;
using MimeKit;
using Workshops.Tests.Calendar;
using Workshops.Web.Domain;

namespace Workshops.Tests.Exports;

/// <summary>
/// Text with astral-plane characters (emoji), combining marks and right-to-left script comes back exactly: from a
/// calendar file folded at 75 octets, from an email's headers and body, and from the CSV and .xlsx exports.
/// </summary>
[Trait("Kind", "Security")]
public sealed class UnicodeRoundTripTests
{
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.String[Gen.Char["abcdefghij ÄÖåäö"], 1, 12],
        Gen.OneOf(Gen.Const("🎉"), Gen.Const("👩‍👩‍👧"), Gen.Const("𝕬"), Gen.Const("🇫🇮"), Gen.Const("😀")),
        Gen.OneOf(Gen.Const("a\u0308"), Gen.Const("e\u0301\u0323"), Gen.Const("o\u0308")),
        Gen.OneOf(Gen.Const("שלום"), Gen.Const("مرحبا"), Gen.Const("עברית 123")));

    // Long enough that the fold at 75 octets lands anywhere, including inside a four-byte character.
    private static readonly Gen<string> Text = Piece.Array[1, 40]
        .Select(pieces => string.Concat(pieces).Trim())
        .Where(t => t.Length > 0);

    [Fact]
    public void TitleAndDescriptionComeBackExactlyFromAFoldedCalendarFile()
    {
        Gen.Select(Text, Text).Sample((title, description) =>
        {
            var workshop = Ics.Workshop();
            workshop.Title = new LocalizedText { Fi = title, Sv = title, En = title };
            workshop.Description = new LocalizedText { Fi = description, Sv = description, En = description };

            var entry = Ics.Parse(Ics.Service().Publish([workshop], "fi")).Events.Single();

            Assert.Equal(title, entry.Summary);
            Assert.Contains(description, entry.Description); // after the time and place lines
        });
    }

    [Fact]
    public void NameSubjectAndBodyComeBackExactlyFromTheMessageBytes()
    {
        Gen.Select(Text, Text).Sample((name, body) =>
        {
            var message = new MimeMessage { Subject = name };
            message.From.Add(new MailboxAddress("Työpajat", "no-reply@workshops.test"));
            message.To.Add(new MailboxAddress(name, "aino@example.fi"));
            message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };
            message.Prepare(EncodingConstraint.SevenBit);
            using var bytes = new MemoryStream();
            message.WriteTo(bytes);
            bytes.Position = 0;

            var parsed = MimeMessage.Load(bytes);

            // Encoded words (RFC 2047) keep every character, but a run of spaces between them comes back as one.
            Assert.Equal(OneSpace(name), OneSpace(parsed.Subject));
            Assert.Equal(OneSpace(name), OneSpace(parsed.To.Mailboxes.Single().Name));
            Assert.Equal(body, (parsed.TextBody ?? "").TrimEnd('\r', '\n')); // an encoder may end the part with a line break
        });
    }

    private static string OneSpace(string? text) => System.Text.RegularExpressions.Regex.Replace(text ?? "", " {2,}", " ");

    [Fact]
    public async Task CellsComeBackExactlyFromTheCsvExport()
    {
        await Text.SampleAsync(async cell =>
        {
            var bytes = await WrittenAsync(Workshops.Web.Exports.ExcelCsv.WriteAsync, new("t", ["Nimi"], OneRow(cell)));

            var rows = ExportTests.ParseCsv(System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3)));

            Assert.Equal(cell, rows[1][0]);
        });
    }

    [Fact]
    public async Task CellsComeBackExactlyFromTheXlsxExport()
    {
        await Gen.Select(Text, Text).SampleAsync(async (header, cell) =>
        {
            var bytes = await WrittenAsync(Workshops.Web.Exports.Xlsx.WriteAsync, new("t", [header], OneRow(cell)));

            var rows = ReadXlsx(bytes);

            Assert.Equal(header, rows[0][0]);
            Assert.Equal(cell, rows[1][0]);
        });
    }

    private static IAsyncEnumerable<IReadOnlyList<object?>> OneRow(string cell) => new IReadOnlyList<object?>[] { [cell] }.ToAsyncEnumerable();

    /// <summary>What a production writer (<c>ExcelCsv.WriteAsync</c>, <c>Xlsx.WriteAsync</c>) writes to a stream.</summary>
    private static async Task<byte[]> WrittenAsync(Func<Workshops.Web.Exports.ExportTable, Stream, CancellationToken, Task> write, Workshops.Web.Exports.ExportTable table)
    {
        using var stream = new MemoryStream();
        await write(table, stream, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>
    /// The first sheet's cells as text, read straight from the package (ZIP + SpreadsheetML): inline strings, shared
    /// strings (rich-text runs joined) and plain values alike, so no reader library stands between the bytes and the test.
    /// </summary>
    internal static List<List<string>> ReadXlsx(byte[] bytes)
    {
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? Load(entry).Root!.Elements(main + "si").Select(Joined).ToList()
            : [];
        var sheet = Load(zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidOperationException("no sheet1.xml"));
        return sheet.Descendants(main + "row")
            .Select(row => row.Elements(main + "c").Select(c => (string?)c.Attribute("t") switch
            {
                "s" => shared[int.Parse(c.Element(main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                "inlineStr" => Joined(c.Element(main + "is")!),
                _ => c.Element(main + "v")?.Value ?? "",
            }).ToList())
            .ToList();

        string Joined(XElement text) => string.Concat(text.Descendants(main + "t").Select(t => t.Value));

        static XDocument Load(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
        }
    }
}
