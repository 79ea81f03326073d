using QRCoder;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// A QR code as a PNG data URI (the CSP allows <c>data:</c> images): drawn here, nothing fetched from elsewhere.
/// Error correction M survives a crease or a smudge on a printed poster or badge.
/// </summary>
public static class QrImage
{
    /// <param name="text">What the code encodes (an absolute URL).</param>
    /// <param name="pixelsPerModule">The PNG's pixels per QR module; more for print.</param>
    public static string DataUri(string text, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
