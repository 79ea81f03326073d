using CsCheck;
using MimeKit;
using Workshops.Tests.Calendar;
using Workshops.Web.Domain;

namespace Workshops.Tests.Security;

/// <summary>
/// Text with astral-plane characters (emoji), combining marks and right-to-left script comes back exactly: from a
/// calendar file folded at 75 octets, and from an email's headers and body.
/// </summary>
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
    public void CellsComeBackExactlyFromTheCsvExport()
    {
        Text.Sample(cell =>
        {
            var bytes = Workshops.Web.Exports.ExcelCsv.Write(new("t", ["Nimi"], [[cell]]));

            var rows = Organiser.ExportTests.ParseCsv(System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3)));

            Assert.Equal(cell, rows[1][0]);
        });
    }
}
