using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Certificates;

/// <summary>Everything a certificate prints, already in its language (<see cref="CertificateDocument"/> builds it).</summary>
/// <param name="Heading">"Todistus osallistumisesta" / "Certificate of attendance".</param>
/// <param name="Certifies">"Tällä todistetaan, että" / "This is to certify that".</param>
/// <param name="HolderName">The holder's name as printed.</param>
/// <param name="Attended">"osallistui työpajaan" / "attended the workshop".</param>
/// <param name="WorkshopTitle">The workshop's title in the certificate's language.</param>
/// <param name="DateLine">"Päivämäärä: 31.5.2028" (the Helsinki date).</param>
/// <param name="PlaceLine">"Paikka: Rauma" or "Paikka: verkossa".</param>
/// <param name="OrganiserLine">"Järjestäjä: …".</param>
/// <param name="FundingStatement">Funder__Statement in the language.</param>
/// <param name="Programme">Funder__Programme in the language, or empty.</param>
/// <param name="EuEmblem">Whether the EU emblem is drawn (Funder__EuEmblem).</param>
/// <param name="VerifyLabel">"Tarkista todistuksen aitous:".</param>
/// <param name="VerificationUrl">The public verification page (Site__PublicBaseUrl + /certificates/{code}).</param>
/// <param name="Language">fi, sv or en (the document's language tag).</param>
public sealed record CertificateContent(
    string Heading, string Certifies, string HolderName, string Attended, string WorkshopTitle, string DateLine, string PlaceLine,
    string OrganiserLine, string FundingStatement, string Programme, bool EuEmblem, string VerifyLabel, string VerificationUrl, string Language);

/// <summary>
/// Draws a certificate of attendance as a one-page A4 PDF with PDFsharp: the texts of a <see cref="CertificateContent"/>,
/// the EU emblem drawn from <see cref="Infrastructure.EuEmblem"/>'s own geometry (the rectangle and its twelve stars, the
/// same construction as the site's SVG), and the verification URL as text and as a QR code. Pure: the same content gives
/// the same pages, so an email's attachment rendered again on a retry is the same certificate.
/// </summary>
public static class CertificatePdf
{
    private const double PageWidth = 595.28; // A4 in points
    private const double PageHeight = 841.89;
    private const double Margin = 64;

    /// <summary>The finished PDF's bytes.</summary>
    public static byte[] Render(CertificateContent content)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = content.Heading + " – " + content.WorkshopTitle;
        document.Info.Author = content.OrganiserLine;
        document.Info.Subject = content.VerificationUrl;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, content);
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void Draw(XGraphics gfx, CertificateContent content)
    {
        var ink = new XSolidBrush(XColor.FromArgb(0x1a, 0x1a, 0x1a));
        var muted = new XSolidBrush(XColor.FromArgb(0x44, 0x44, 0x44));
        var width = PageWidth - (2 * Margin);
        var text = new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Center };

        // A thin frame, the way paper certificates are.
        gfx.DrawRectangle(new XPen(XColor.FromArgb(0x00, 0x33, 0x99), 1.5), 28, 28, PageWidth - 56, PageHeight - 56);

        var y = 110.0;
        y = Paragraph(text, content.Heading.ToUpperInvariant(), Font(22, bold: true), ink, y, width) + 36;
        y = Paragraph(text, content.Certifies, Font(13), muted, y, width) + 14;
        y = Paragraph(text, content.HolderName, Font(26, bold: true), ink, y, width) + 14;
        y = Paragraph(text, content.Attended, Font(13), muted, y, width) + 12;
        y = Paragraph(text, content.WorkshopTitle, Font(17, bold: true), ink, y, width) + 28;
        y = Paragraph(text, content.DateLine, Font(12), ink, y, width) + 6;
        y = Paragraph(text, content.PlaceLine, Font(12), ink, y, width) + 6;
        Paragraph(text, content.OrganiserLine, Font(12), ink, y, width);

        // The funding acknowledgement: the emblem with the statement beside it, the programme's line below.
        var left = new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Left };
        var fundingTop = 560.0;
        var textLeft = Margin;
        if (content.EuEmblem)
        {
            DrawEuEmblem(gfx, Margin, fundingTop, 48);
            textLeft = Margin + 72 + 14;
        }

        var statementBottom = Paragraph(left, content.FundingStatement, Font(12, bold: true), ink, fundingTop + 14, PageWidth - Margin - textLeft, textLeft);
        if (content.Programme.Length > 0)
        {
            Paragraph(left, content.Programme, Font(9), muted, Math.Max(statementBottom, fundingTop + 48) + 10, width, Margin);
        }

        // The verification address: one unbroken line (a URL must not wrap), and a QR code of it.
        var qrSize = 84.0;
        var verifyTop = PageHeight - Margin - qrSize;
        DrawQr(gfx, content.VerificationUrl, PageWidth - Margin - qrSize, verifyTop, qrSize);
        var urlWidth = PageWidth - (2 * Margin) - qrSize - 12;
        gfx.DrawString(content.VerifyLabel, Font(10), muted, new XRect(Margin, verifyTop + 24, urlWidth, 14), XStringFormats.TopLeft);
        var urlFont = Font(9);
        while (gfx.MeasureString(content.VerificationUrl, urlFont).Width > urlWidth && urlFont.Size > 6)
        {
            urlFont = Font(urlFont.Size - 0.5);
        }

        gfx.DrawString(content.VerificationUrl, urlFont, ink, new XRect(Margin, verifyTop + 42, urlWidth, 14), XStringFormats.TopLeft);
    }

    /// <summary>Lays <paramref name="value"/> out in a box of <paramref name="width"/> from <paramref name="top"/>; returns where it ends.</summary>
    private static double Paragraph(XTextFormatter formatter, string value, XFont font, XBrush brush, double top, double width, double left = Margin)
    {
        var lines = Lines(value, font, width);
        var height = lines * font.GetHeight();
        formatter.DrawString(value, font, brush, new XRect(left, top, width, height + 2), XStringFormats.TopLeft);
        return top + height;
    }

    /// <summary>How many lines the formatter needs (words never split; a long word overflows as XTextFormatter does).</summary>
    private static int Lines(string value, XFont font, double width)
    {
        var (lines, current) = (1, 0.0);
        var space = MeasureWidth(" ", font);
        foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = MeasureWidth(word, font);
            if (current > 0 && current + space + w > width)
            {
                (lines, current) = (lines + 1, w);
            }
            else
            {
                current += (current > 0 ? space : 0) + w;
            }
        }

        return lines;
    }

    private static double MeasureWidth(string word, XFont font)
    {
        using var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        return measure.MeasureString(word, font).Width;
    }

    /// <summary>The EU emblem at (<paramref name="x"/>, <paramref name="y"/>), <paramref name="height"/> high, from the SVG's own geometry.</summary>
    private static void DrawEuEmblem(XGraphics gfx, double x, double y, double height)
    {
        var scale = height / EuEmblem.Height;
        gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(0x00, 0x33, 0x99)), x, y, EuEmblem.Width * scale, height);
        var yellow = new XSolidBrush(XColor.FromArgb(0xFF, 0xCC, 0x00));
        for (var hour = 0; hour < 12; hour++)
        {
            var corners = EuEmblem.StarCorners(EuEmblem.StarCentre(hour)).Select(p => new XPoint(x + (p.X * scale), y + (p.Y * scale))).ToArray();
            gfx.DrawPolygon(yellow, corners, XFillMode.Winding);
        }
    }

    /// <summary>A QR code (error correction M) of <paramref name="value"/>, drawn module by module: no image library needed.</summary>
    private static void DrawQr(XGraphics gfx, string value, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(value, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (matrix[row][column])
                {
                    gfx.DrawRectangle(XBrushes.Black, x + (column * module), y + (row * module), module + 0.05, module + 0.05);
                }
            }
        }
    }

    private static XFont Font(double size, bool bold = false) =>
        new(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
}
