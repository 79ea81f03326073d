using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Results;

/// <summary>
/// Someone outside the registrations whom the organiser named to receive a workshop's results (a decision-maker, such as
/// the city manager the Rauma workshop's results go to): a name, an address and the message's language. Results go
/// outside only to a workshop's list of these (issue 22), each one added through a confirmation step and audited with
/// the address. Personal data: name and address are marked personal in the model (<c>OutsideRecipientConfiguration</c>)
/// and erased, the row kept for who added them and when, when the organiser takes them off the list (on request) and by
/// the retention purge with the workshop's registrants (<see cref="OutsideRecipientData"/>).
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

    /// <summary>The address as compared (<see cref="TextRules.NormalizeEmail"/>): one address is listed once per workshop.</summary>
    public string EmailNormalized { get; set; } = "";

    /// <summary>The language of the messages to them (fi, sv, en).</summary>
    public string Language { get; set; } = "fi";

    /// <summary>The organiser who added them (their sign-in name).</summary>
    public string AddedBy { get; set; } = "";
    public DateTime AddedAtUtc { get; set; }

    /// <summary>When their name and address were erased (UTC); an erased recipient is off the list and gets nothing.</summary>
    public DateTime? ErasedAtUtc { get; set; }

    /// <summary>A new entry of <paramref name="workshopId"/>'s list; name and address trimmed, the address in NFC.</summary>
    /// <exception cref="ArgumentException">An empty name or address, or a language other than fi, sv or en.</exception>
    public static OutsideRecipient Create(Guid workshopId, string name, string email, string language, string actor, DateTime nowUtc)
    {
        var (trimmedName, trimmedEmail) = (name.Trim(), TextRules.Nfc(email.Trim()));
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
            EmailNormalized = TextRules.NormalizeEmail(trimmedEmail),
            Language = language,
            AddedBy = actor,
            AddedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// Takes them off the list: name and address become the erased values the model's marks give them
    /// (<see cref="PersonalData.ErasedName"/>, <c>erased-{Id}@invalid</c>); who added them and when stay. Erasing twice
    /// changes nothing.
    /// </summary>
    /// <returns>Whether anything was erased now.</returns>
    public bool Erase(DateTime nowUtc)
    {
        if (ErasedAtUtc is not null)
        {
            return false;
        }

        Name = PersonalData.ErasedName;
        Email = PersonalData.ErasedEmail(Id);
        EmailNormalized = Email;
        ErasedAtUtc = nowUtc;
        return true;
    }
}
