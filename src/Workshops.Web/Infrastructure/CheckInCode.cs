using QRCoder;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// A person's QR code for the door: it encodes the organiser check-in link for their registration
/// (<c>/organiser/check-in/{id}</c>), which opens only for a signed-in organiser, so the code carries no secret.
/// Rendered here as a PNG data URI (the CSP allows <c>data:</c> images); nothing is fetched from elsewhere.
/// </summary>
public static class CheckInCode
{
    public static Uri Link(Uri baseUri, int registrationId) => new(baseUri, $"organiser/check-in/{registrationId}");

    public static string DataUri(Uri baseUri, int registrationId)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Link(baseUri, registrationId).ToString(), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
