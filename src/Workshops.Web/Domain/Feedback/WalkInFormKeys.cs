using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Workshops.Web.Domain.Feedback;

/// <summary>What a posted walk-in form key turned out to be (<see cref="WalkInFormKeys.Read"/>).</summary>
public enum WalkInKeyState
{
    /// <summary>Issued by this site for this workshop's form, within its lifetime.</summary>
    Valid,

    /// <summary>Issued by this site for this workshop's form, but longer ago than <see cref="FeedbackOptions.WalkInFormHours"/>.</summary>
    Expired,

    /// <summary>Missing, made up, altered, or issued for another workshop's form.</summary>
    Forged,
}

/// <summary>A posted key read back: its state and, unless forged, the form's one-use number (stored with the answer).</summary>
public readonly record struct WalkInFormKey(WalkInKeyState State, Guid Nonce);

/// <summary>
/// The keys of the anonymous walk-in feedback form (issue 22): each rendered form gets a key issued by the server —
/// a random one-use number, the workshop and the moment of issue (UTC, <see cref="TimeProvider"/>), signed and
/// encrypted with ASP.NET Core Data Protection (the key ring every instance shares in the database). A key the client
/// makes up, alters or takes from another workshop's form stores nothing; one older than
/// <see cref="FeedbackOptions.WalkInFormHours"/> neither; a used one (its number is stored with the answer, under a
/// unique index) answers as its first post did, so a double tap stores one answer. Issuing keeps nothing on the server.
/// </summary>
public sealed class WalkInFormKeys(IDataProtectionProvider protection, IOptions<FeedbackOptions> options, TimeProvider time)
{
    /// <summary>Longer than any key this class issues (about 150 characters): anything longer is not worth decrypting.</summary>
    public const int MaxLength = 400;

    private const int PayloadLength = 40;

    /// <summary>A key of a form issued before this moment's clock is still read as issued "now" within this much clock skew between instances.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = protection.CreateProtector("Workshops.Feedback.WalkInFormKey.v1");

    /// <summary>A new key for one walk-in form of <paramref name="workshopId"/>: base64url text for a hidden field.</summary>
    public string Issue(Guid workshopId)
    {
        var payload = new byte[PayloadLength];
        Guid.NewGuid().TryWriteBytes(payload.AsSpan(0, 16));
        workshopId.TryWriteBytes(payload.AsSpan(16, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(32), time.GetUtcNow().UtcTicks);
        return Base64Url.EncodeToString(_protector.Protect(payload));
    }

    /// <summary>Reads a posted key for the form of <paramref name="workshopId"/>; never throws for what a client sends.</summary>
    public WalkInFormKey Read(string? key, Guid workshopId)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || !Base64Url.IsValid(key))
        {
            return new WalkInFormKey(WalkInKeyState.Forged, Guid.Empty);
        }

        byte[] payload;
        try
        {
            payload = _protector.Unprotect(Base64Url.DecodeFromChars(key));
        }
        catch (CryptographicException)
        {
            return new WalkInFormKey(WalkInKeyState.Forged, Guid.Empty);
        }

        if (payload.Length != PayloadLength || new Guid(payload.AsSpan(16, 16)) != workshopId)
        {
            return new WalkInFormKey(WalkInKeyState.Forged, Guid.Empty);
        }

        var nonce = new Guid(payload.AsSpan(0, 16));
        var age = time.GetUtcNow().UtcDateTime - new DateTime(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(32)), DateTimeKind.Utc);
        return new WalkInFormKey(age > options.Value.WalkInFormLifetime || age < -Skew ? WalkInKeyState.Expired : WalkInKeyState.Valid, nonce);
    }
}
