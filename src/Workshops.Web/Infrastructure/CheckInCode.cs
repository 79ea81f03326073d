using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// The two codes of the door.
/// <list type="bullet">
/// <item>A person's QR code (<see cref="Link"/>, <see cref="DataUri"/>): the organiser check-in link for their
/// registration (<c>/organiser/check-in/{id}</c>), which opens only for a signed-in organiser, so it carries no secret.</item>
/// <item>The venue code (<see cref="VenueCode"/>): four digits the organiser's check-in page shows large at the door,
/// which a person types on their own page to mark themselves arrived (or, at a walk-in event, to be counted). It is an
/// HMAC of the time window under the workshop's own random key (<c>Workshop.CheckInKey</c>), so it changes every
/// <see cref="Period"/>, is the same on every instance, and cannot be worked out from anything public (the workshop's id
/// is the calendar UID). <see cref="Accepts"/> takes the current and the previous window's code, so a code read just
/// before it changes still works for one more period; a code seen the day before is long gone.</item>
/// </list>
/// </summary>
public static class CheckInCode
{
    /// <summary>How long one venue code is shown before the next one replaces it.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    /// <summary>Digits in a venue code: quick to type on a phone at the door.</summary>
    public const int Digits = 4;

    /// <summary>Bytes of a workshop's venue-code key.</summary>
    public const int KeyBytes = 32;

    public static Uri Link(Uri baseUri, int registrationId) => new(baseUri, $"organiser/check-in/{registrationId}");

    public static string DataUri(Uri baseUri, int registrationId) => QrImage.DataUri(Link(baseUri, registrationId).ToString());

    /// <summary>A new random key for a workshop's venue codes.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    /// <summary>The venue code shown at <paramref name="now"/>: <see cref="Digits"/> digits, leading zeros kept.</summary>
    public static string VenueCode(byte[] key, DateTimeOffset now) => CodeOf(key, Window(now));

    /// <summary>When the code shown at <paramref name="now"/> is replaced by the next one.</summary>
    public static DateTimeOffset ChangesAt(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds((Window(now) + 1) * (long)Period.TotalSeconds);

    /// <summary>
    /// Whether <paramref name="typed"/> is the code of the current or the previous window. Spaces and dashes a person
    /// may type between the digits are ignored; the comparison takes the same time whatever the digits.
    /// </summary>
    public static bool Accepts(byte[] key, string? typed, DateTimeOffset now)
    {
        var digits = new string((typed ?? "").Where(c => c is not (' ' or '-' or '\u00a0')).ToArray());
        if (digits.Length != Digits || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var window = Window(now);
        var given = Encoding.ASCII.GetBytes(digits);
        var current = CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(CodeOf(key, window)));
        var previous = CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(CodeOf(key, window - 1)));
        return current | previous;
    }

    private static long Window(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)Period.TotalSeconds;

    private static string CodeOf(byte[] key, long window)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, window);
        var mac = HMACSHA256.HashData(key, message);
        var number = BinaryPrimitives.ReadUInt32BigEndian(mac) % (uint)Math.Pow(10, Digits);
        return number.ToString(new string('0', Digits), CultureInfo.InvariantCulture);
    }
}
