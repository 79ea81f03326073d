using System.Buffers.Text;
using System.Security.Cryptography;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Certificates;

/// <summary>Why a certificate was withdrawn.</summary>
public enum CertificateWithdrawal
{
    /// <summary>The holder asked to be erased: final, the name is erased with the rest.</summary>
    HolderErased = 1,

    /// <summary>The arrival it certifies was taken back (an organiser's or a door helper's undo): marked arrived again, the
    /// same certificate (the same code) is valid again (<see cref="Certificate.Reinstate"/>).</summary>
    AttendanceUndone = 2,
}

/// <summary>
/// A certificate of attendance (issue 26): issued once per registration of someone who attended, with an unguessable
/// <see cref="Code"/> that a third party opens at <c>/certificates/{code}</c> to see that it is genuine. It keeps the
/// holder's name as printed after the workshop's retention purge (the name is what a certificate certifies; nothing else
/// of the person stays) until <see cref="CertificateOptions.RetentionYears"/>; an erasure at the holder's request
/// withdraws it (<see cref="Withdraw"/>: the name goes, the verification page says so), and so does taking back the arrival
/// it certifies (until the person is marked arrived again: <see cref="Reinstate"/>).
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

    /// <summary>When it was withdrawn (UTC); null while valid. Why: <see cref="WithdrawnBecause"/>.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }

    /// <summary>Why it was withdrawn; null while valid. A row withdrawn before the reason was stored (null with
    /// <see cref="WithdrawnAtUtc"/> set) was withdrawn at an erasure, the only reason then (<see cref="IsErased"/>).</summary>
    public CertificateWithdrawal? WithdrawnBecause { get; set; }

    /// <summary>Whether it is valid now: issued and not withdrawn.</summary>
    public bool IsValid => WithdrawnAtUtc is null;

    /// <summary>Whether it was withdrawn because its holder was erased: final.</summary>
    public bool IsErased => WithdrawnAtUtc is not null && WithdrawnBecause is null or CertificateWithdrawal.HolderErased;

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
        if (EmailedAtUtc is not null || !IsValid)
        {
            return false;
        }

        EmailedAtUtc = nowUtc;
        return true;
    }

    /// <summary>
    /// Withdraws it at <paramref name="nowUtc"/> (UTC) because of <paramref name="reason"/>. An erasure is final and wins over
    /// an arrival taken back (the name column is erased by the model's marks); anything else on a withdrawn one changes nothing.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Withdraw(CertificateWithdrawal reason, DateTime nowUtc)
    {
        if (IsErased || (!IsValid && reason != CertificateWithdrawal.HolderErased))
        {
            return false;
        }

        (WithdrawnAtUtc, WithdrawnBecause) = (WithdrawnAtUtc ?? nowUtc, reason);
        return true;
    }

    /// <summary>
    /// Makes it valid again, with the same code, when the person is marked arrived again after their arrival was taken back:
    /// a PDF already printed or sent with this code certifies the same attendance of the same person, so it should verify
    /// again (a new code would leave that paper answering "withdrawn" for an attendance that stands).
    /// </summary>
    /// <returns>False (nothing changed) unless it was withdrawn for <see cref="CertificateWithdrawal.AttendanceUndone"/>.</returns>
    public bool Reinstate()
    {
        if (WithdrawnBecause != CertificateWithdrawal.AttendanceUndone || WithdrawnAtUtc is null)
        {
            return false;
        }

        (WithdrawnAtUtc, WithdrawnBecause) = (null, null);
        return true;
    }
}
