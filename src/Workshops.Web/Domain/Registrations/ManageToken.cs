using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Workshops.Web.Domain.Registrations;

/// <summary>
/// A personal manage link. Each email carries its own token (32 random bytes, base64url);
/// the database keeps only its SHA-256, so a copy of the database opens no one's registration.
/// </summary>
public sealed class ManageToken
{
    public const int TokenLength = 43; // 32 bytes in unpadded base64url

    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }

    /// <summary>The email this token was minted for; a retry of that email replaces it.</summary>
    public Guid? OutgoingEmailId { get; set; }
    public byte[] Hash { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }

    public static (string Token, byte[] Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, HashOf(token));
    }

    /// <summary>The hash to look up, or null when the text cannot be a token at all.</summary>
    public static byte[]? HashIfWellFormed(string? token) =>
        token is { Length: TokenLength } && Base64Url.IsValid(token) ? HashOf(token) : null;

    private static byte[] HashOf(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
