using System.ComponentModel.DataAnnotations;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The message-to-attendees form. Finnish is required and goes to everyone without a version of their own; a Swedish or
/// English version needs both its subject and text. A subject is one line: a line break is refused next to the field
/// (it could otherwise split the mail header). Messages are OrganiserResource keys.
/// </summary>
public sealed class MessageInput
{
    /// <summary>The fields in form order, for the error summary.</summary>
    public static readonly string[] Fields = ["Recipients", "SubjectFi", "BodyFi", "SubjectSv", "BodySv", "SubjectEn", "BodyEn"];

    /// <summary>Made when the form is first shown; the same form posted twice is one message.</summary>
    [Required(ErrorMessage = "Lomake on vanhentunut. Avaa viestilomake uudelleen.")]
    public Guid? IdempotencyKey { get; set; }

    [Required(ErrorMessage = "Valitse vastaanottajat.")]
    [EnumDataType(typeof(MessageRecipients), ErrorMessage = "Valitse vastaanottajat.")]
    public MessageRecipients? Recipients { get; set; } = MessageRecipients.Confirmed;

    [Required(ErrorMessage = "Kirjoita viestin aihe suomeksi.")]
    [StringLength(AttendeeMessage.SubjectMaxLength, ErrorMessage = "Aihe voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? SubjectFi { get; set; }

    [Required(ErrorMessage = "Kirjoita viesti suomeksi.")]
    [StringLength(AttendeeMessage.BodyMaxLength, ErrorMessage = "Viesti voi olla enintään {1} merkkiä pitkä.")]
    [MultiLineText]
    public string? BodyFi { get; set; }

    [StringLength(AttendeeMessage.SubjectMaxLength, ErrorMessage = "Aihe voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? SubjectSv { get; set; }

    [StringLength(AttendeeMessage.BodyMaxLength, ErrorMessage = "Viesti voi olla enintään {1} merkkiä pitkä.")]
    [MultiLineText]
    public string? BodySv { get; set; }

    [StringLength(AttendeeMessage.SubjectMaxLength, ErrorMessage = "Aihe voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? SubjectEn { get; set; }

    [StringLength(AttendeeMessage.BodyMaxLength, ErrorMessage = "Viesti voi olla enintään {1} merkkiä pitkä.")]
    [MultiLineText]
    public string? BodyEn { get; set; }

    /// <summary>The draft the domain sends: subjects trimmed, texts as typed (line ends as \n; blank lines and spaces at the very start or end dropped, as a textarea would lose a leading line break).</summary>
    public MessageDraft ToDraft() => new(
        new LocalizedText { Fi = Subject(SubjectFi), Sv = Subject(SubjectSv), En = Subject(SubjectEn) },
        new LocalizedText { Fi = Body(BodyFi), Sv = Body(BodySv), En = Body(BodyEn) },
        Recipients!.Value);

    /// <summary>
    /// The fields of a Swedish or English version that has only one of its two parts. Checked by the page beside the field checks (not as
    /// IValidatableObject, which MVC skips while any field is invalid), so every error shows at once.
    /// </summary>
    public IEnumerable<(string Field, bool SubjectMissing)> IncompleteVersions()
    {
        foreach (var (subject, body, subjectField, bodyField) in new[]
        {
            (SubjectSv, BodySv, nameof(SubjectSv), nameof(BodySv)),
            (SubjectEn, BodyEn, nameof(SubjectEn), nameof(BodyEn)),
        })
        {
            if (string.IsNullOrWhiteSpace(subject) && !string.IsNullOrWhiteSpace(body))
            {
                yield return (subjectField, true);
            }
            else if (!string.IsNullOrWhiteSpace(subject) && string.IsNullOrWhiteSpace(body))
            {
                yield return (bodyField, false);
            }
        }
    }

    private static string Subject(string? text) => TextRules.Nfc(text?.Trim() ?? "");

    private static string Body(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : TextRules.Nfc(text.ReplaceLineEndings("\n").TrimEnd().TrimStart('\n'));
}
