using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Messaging;

/// <summary>Whom an organiser's message to attendees goes to; cancelled and erased registrations never.</summary>
public enum MessageRecipients
{
    /// <summary>Everyone holding a seat.</summary>
    Confirmed = 0,

    /// <summary>Everyone on the waiting list.</summary>
    Waitlisted = 1,

    /// <summary>Everyone marked present at the door (confirmed or not).</summary>
    CheckedIn = 2,

    /// <summary>Everyone holding or waiting for a seat.</summary>
    AllActive = 3,
}

/// <summary>
/// A message an organiser sent to a workshop's attendees: kept with its texts, recipients and sender, so the outbox
/// renders each person's copy from it and the organisers can see later what was said. Its
/// <see cref="IdempotencyKey"/> (from the form, unique in the database) makes a double click or a resent form one message.
/// </summary>
public sealed class AttendeeMessage
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 8000;

    public Guid Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }

    /// <summary>The form's key: a second POST of the same form finds this message instead of sending again.</summary>
    public Guid IdempotencyKey { get; set; }

    /// <summary>The subject in Finnish, Swedish and English; an empty Swedish or English one falls back to Finnish.</summary>
    public LocalizedText Subject { get; set; } = new();

    /// <summary>The text as typed (line breaks kept); the same fallback as <see cref="Subject"/>.</summary>
    public LocalizedText Body { get; set; } = new();
    public MessageRecipients Recipients { get; set; }

    /// <summary>The organiser's sign-in name.</summary>
    public string SentBy { get; set; } = "";
    public DateTime SentAtUtc { get; set; }

    /// <summary>How many people the message was queued for.</summary>
    public int RecipientCount { get; set; }

    /// <summary>
    /// The subject and text a reader of <paramref name="language"/> gets: their own version when the organiser wrote
    /// both parts of it, otherwise the Finnish one.
    /// </summary>
    public (string Subject, string Body) For(string language) =>
        HasVersion(language) ? (Subject.For(language), Body.For(language)) : (Subject.Fi, Body.Fi);

    /// <summary>Whether the organiser wrote a subject and a text of their own in <paramref name="language"/>.</summary>
    public bool HasVersion(string language) => language switch
    {
        "sv" => Subject.Sv.Length > 0 && Body.Sv.Length > 0,
        "en" => Subject.En.Length > 0 && Body.En.Length > 0,
        _ => true,
    };
}
