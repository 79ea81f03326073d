using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Results;

/// <summary>
/// Someone outside the registrations whom the organiser named to receive a workshop's results (a decision-maker, such as
/// the city manager the Rauma workshop's results go to): a name, an address and the message's language. Results go
/// outside only to a workshop's list of these (issue 22), each one added through a confirmation step and audited with
/// the address. Personal data: removed when the organiser takes them off the list (on request) and by the retention purge
/// with the workshop's registrants (<see cref="Privacy.OutsideRecipientData"/>).
/// </summary>
public sealed class OutsideRecipient
{
    public const int NameMaxLength = OutgoingEmail.RecipientNameMaxLength;
    public const int EmailMaxLength = OutgoingEmail.RecipientEmailMaxLength;

    public int Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>The address as compared (<see cref="Registration.NormalizeEmail"/>): one address is listed once per workshop.</summary>
    public string EmailNormalized { get; set; } = "";

    /// <summary>The language of the messages to them (fi, sv, en).</summary>
    public string Language { get; set; } = "fi";

    /// <summary>The organiser who added them (their sign-in name).</summary>
    public string AddedBy { get; set; } = "";
    public DateTime AddedAtUtc { get; set; }

    /// <summary>A new entry of <paramref name="workshopId"/>'s list; name and address trimmed, the address in NFC.</summary>
    /// <exception cref="ArgumentException">An empty name or address, or a language other than fi, sv or en.</exception>
    public static OutsideRecipient Create(Guid workshopId, string name, string email, string language, string actor, DateTime nowUtc)
    {
        var (trimmedName, trimmedEmail) = (name.Trim(), Registration.Nfc(email.Trim()));
        if (trimmedName.Length == 0 || trimmedEmail.Length == 0)
        {
            throw new ArgumentException("An outside recipient needs a name and an address.", nameof(email));
        }

        if (language is not ("fi" or "sv" or "en"))
        {
            throw new ArgumentException($"Unknown language '{language}'.", nameof(language));
        }

        return new OutsideRecipient
        {
            WorkshopId = workshopId,
            Name = trimmedName,
            Email = trimmedEmail,
            EmailNormalized = Registration.NormalizeEmail(trimmedEmail),
            Language = language,
            AddedBy = actor,
            AddedAtUtc = nowUtc,
        };
    }
}
