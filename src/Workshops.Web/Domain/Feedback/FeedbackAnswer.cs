using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Feedback;

/// <summary>Who gave an answer: a participant through their personal link, or a walk-in visitor without registering.</summary>
public enum FeedbackSource
{
    Participant = 0,
    WalkIn = 1,
}

/// <summary>"Would you come again?" The question is optional; null is no answer.</summary>
public enum ComeAgain
{
    Yes = 0,
    No = 1,
    Maybe = 2,
}

/// <summary>What one person says about one workshop's way of working, as they typed it (checked and trimmed).</summary>
public sealed record FeedbackResponse(int OverallRating, int MethodRating, string? WhatWorked, string? WhatToImprove, ComeAgain? WouldComeAgain);

/// <summary>
/// One answer to the feedback on the method. A participant's answer is tied to their registration (one per person,
/// edited in place until the organiser closes feedback); a walk-in answer has no registration. No answer ever carries a
/// name: erasing the person (on request or by the retention purge) cuts the tie and removes the written texts, and the
/// ratings stay for the report.
/// </summary>
public sealed class FeedbackAnswer
{
    public const int TextMaxLength = 2000;
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public int Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }

    /// <summary>The participant who answered; null for a walk-in answer and after the person was erased.</summary>
    public int? RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public FeedbackSource Source { get; set; }

    /// <summary>Overall rating, 1 (poor) to 5 (excellent).</summary>
    public int OverallRating { get; set; }

    /// <summary>"Did this way of working help you take part?", 1 (not at all) to 5 (very much).</summary>
    public int MethodRating { get; set; }
    public string? WhatWorked { get; set; }
    public string? WhatToImprove { get; set; }
    public ComeAgain? WouldComeAgain { get; set; }

    /// <summary>The language of the form the answer was given in (fi, sv, en).</summary>
    public string Language { get; set; } = "fi";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Set when the tie to the person and the written texts were removed (erasure or retention purge).</summary>
    public DateTime? AnonymisedAtUtc { get; set; }

    /// <summary>
    /// A walk-in answer's form: the one-use number of its server-issued key (<see cref="WalkInFormKeys"/>; unique), so the
    /// same form posted again stores nothing more. Null for a participant's answer (one per person anyway) and for walk-in
    /// answers given before forms carried keys.
    /// </summary>
    public Guid? FormKey { get; set; }

    /// <summary>A participant's first answer.</summary>
    public static FeedbackAnswer ForParticipant(Registration registration, FeedbackResponse response, string language, DateTime nowUtc)
    {
        var answer = New(registration.WorkshopId, FeedbackSource.Participant, language, nowUtc);
        answer.Registration = registration;
        answer.RegistrationId = registration.Id;
        answer.Apply(response, nowUtc);
        return answer;
    }

    /// <summary>A walk-in visitor's answer, given by the form submission <paramref name="formKey"/>: no registration, never editable.</summary>
    public static FeedbackAnswer ForWalkIn(Guid workshopId, FeedbackResponse response, string language, DateTime nowUtc, Guid? formKey = null)
    {
        var answer = New(workshopId, FeedbackSource.WalkIn, language, nowUtc);
        answer.FormKey = formKey;
        answer.Apply(response, nowUtc);
        return answer;
    }

    /// <summary>Replaces the answer with the person's edited one (the same row: one answer per person).</summary>
    /// <exception cref="InvalidOperationException">For an anonymised answer: it belongs to no one any more.</exception>
    public void Edit(FeedbackResponse response, DateTime nowUtc)
    {
        if (AnonymisedAtUtc is not null)
        {
            throw new InvalidOperationException($"Feedback answer {Id} is anonymised and cannot be edited.");
        }

        Apply(response, nowUtc);
    }

    /// <summary>Cuts the tie to the person and removes the written texts; the ratings stay. Twice changes nothing.</summary>
    public void Anonymise(DateTime nowUtc)
    {
        if (AnonymisedAtUtc is not null)
        {
            return;
        }

        RegistrationId = null;
        Registration = null;
        WhatWorked = null;
        WhatToImprove = null;
        AnonymisedAtUtc = nowUtc;
    }

    private static FeedbackAnswer New(Guid workshopId, FeedbackSource source, string language, DateTime nowUtc) => new()
    {
        WorkshopId = workshopId,
        Source = source,
        Language = language,
        CreatedAtUtc = nowUtc,
    };

    private void Apply(FeedbackResponse response, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(response.OverallRating, MinRating, nameof(response));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(response.OverallRating, MaxRating, nameof(response));
        ArgumentOutOfRangeException.ThrowIfLessThan(response.MethodRating, MinRating, nameof(response));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(response.MethodRating, MaxRating, nameof(response));
        OverallRating = response.OverallRating;
        MethodRating = response.MethodRating;
        WhatWorked = Text(response.WhatWorked);
        WhatToImprove = Text(response.WhatToImprove);
        WouldComeAgain = response.WouldComeAgain;
        UpdatedAtUtc = nowUtc;
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : TextRules.Nfc(text.Trim());
}
