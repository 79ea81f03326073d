using System.Buffers.Text;
using System.Security.Cryptography;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Certificates;

/// <summary>
/// A certificate of attendance (issue 26): issued once per registration of someone who attended, with an unguessable
/// <see cref="Code"/> that a third party opens at <c>/certificates/{code}</c> to see that it is genuine. It keeps the
/// holder's name as printed after the workshop's retention purge (the name is what a certificate certifies; nothing else
/// of the person stays) until <see cref="CertificateOptions.RetentionYears"/>; an erasure at the holder's request
/// withdraws it (<see cref="Withdraw"/>: the name goes, the verification page says so).
/// </summary>
public sealed class Certificate
{
    /// <summary>32 random bytes (256 bits) in unpadded base64url, as a manage link's token.</summary>
    public const int CodeLength = ManageToken.TokenLength;

    public int Id { get; set; }

    /// <summary>The public verification code: random, never derived from the person or the workshop.</summary>
    public string Code { get; set; } = "";

    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public Guid WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }

    /// <summary>The holder's name as printed (the registration's name when first issued, Unicode NFC).</summary>
    public string HolderName { get; set; } = "";

    /// <summary>The certificate's language (fi/sv/en): the registration's.</summary>
    public string Language { get; set; } = "fi";

    /// <summary>When it was first issued (UTC); downloading again changes nothing.</summary>
    public DateTime IssuedAtUtc { get; set; }

    /// <summary>When the organiser's "send all certificates" queued it by email (UTC); null while not sent.</summary>
    public DateTime? EmailedAtUtc { get; set; }

    /// <summary>When it was withdrawn because the holder asked to be erased (UTC); the name is erased then.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }

    /// <summary>
    /// A new certificate for <paramref name="registration"/> (which the caller has checked with
    /// <see cref="CertificateRules.MayHave"/> under the workshop's lock), with a fresh random code.
    /// </summary>
    public static Certificate IssueFor(Registration registration, DateTime nowUtc) => new()
    {
        Code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
        RegistrationId = registration.Id,
        WorkshopId = registration.WorkshopId,
        HolderName = TextRules.Nfc(registration.Name),
        Language = registration.Language,
        IssuedAtUtc = nowUtc,
    };

    /// <summary>Whether the code could be one of ours at all (length and alphabet), before any lookup.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: CodeLength } && Base64Url.IsValid(code);

    /// <summary>Records that it was queued by email at <paramref name="nowUtc"/>.</summary>
    /// <returns>False when it already was, or it is withdrawn: queue nothing then.</returns>
    public bool MarkEmailed(DateTime nowUtc)
    {
        if (EmailedAtUtc is not null || WithdrawnAtUtc is not null)
        {
            return false;
        }

        EmailedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Withdraws it at the holder's request (erasure); the name column is erased by the model's marks. Twice changes nothing.</summary>
    public void Withdraw(DateTime nowUtc) => WithdrawnAtUtc ??= nowUtc;
}
