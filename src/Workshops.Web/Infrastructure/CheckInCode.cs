namespace Workshops.Web.Infrastructure;

/// <summary>
/// A person's QR code for the door: it encodes the organiser check-in link for their registration
/// (<c>/organiser/check-in/{id}</c>), which opens only for a signed-in organiser, so the code carries no secret.
/// Rendered as a PNG data URI by <see cref="QrImage"/>.
/// </summary>
public static class CheckInCode
{
    public static Uri Link(Uri baseUri, int registrationId) => new(baseUri, $"organiser/check-in/{registrationId}");

    public static string DataUri(Uri baseUri, int registrationId) => QrImage.DataUri(Link(baseUri, registrationId).ToString());
}
