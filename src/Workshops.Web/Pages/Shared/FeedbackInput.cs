using System.ComponentModel.DataAnnotations;
using Workshops.Web.Domain.Feedback;

namespace Workshops.Web.Pages.Shared;

/// <summary>
/// What the feedback form posts (personal and walk-in). Messages are Finnish resource keys. The walk-in form carries a
/// key the server issued (<see cref="WalkInFormKeys"/>), so one submission is one answer; a personal answer is one per
/// person anyway.
/// </summary>
public sealed class FeedbackInput
{
    /// <summary>The form's fields in order, for the error summary.</summary>
    public static readonly string[] Names = [nameof(OverallRating), nameof(MethodRating), nameof(WhatWorked), nameof(WhatToImprove), nameof(WouldComeAgain)];

    [Required(ErrorMessage = "Valitse kokonaisarvio 1–5.")]
    [Range(FeedbackAnswer.MinRating, FeedbackAnswer.MaxRating, ErrorMessage = "Valitse kokonaisarvio 1–5.")]
    public int? OverallRating { get; set; }

    [Required(ErrorMessage = "Valitse, miten hyvin tämä työskentelytapa auttoi sinua osallistumaan (1–5).")]
    [Range(FeedbackAnswer.MinRating, FeedbackAnswer.MaxRating, ErrorMessage = "Valitse, miten hyvin tämä työskentelytapa auttoi sinua osallistumaan (1–5).")]
    public int? MethodRating { get; set; }

    [StringLength(FeedbackAnswer.TextMaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? WhatWorked { get; set; }

    [StringLength(FeedbackAnswer.TextMaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? WhatToImprove { get; set; }

    [EnumDataType(typeof(ComeAgain), ErrorMessage = "Valitse kyllä, ei tai ehkä.")]
    public ComeAgain? WouldComeAgain { get; set; }

    /// <summary>The walk-in form's key as issued by <see cref="WalkInFormKeys.Issue"/> (unused by the personal form).</summary>
    public string? FormKey { get; set; }

    /// <summary>A honeypot (walk-in form only): hidden from people, filled in by form-filling bots.</summary>
    public string? Website { get; set; }

    public bool LooksLikeABot => !string.IsNullOrEmpty(Website);

    public FeedbackResponse ToResponse() => new(OverallRating!.Value, MethodRating!.Value, WhatWorked, WhatToImprove, WouldComeAgain);

    /// <summary>The form filled with a stored answer, for editing.</summary>
    public static FeedbackInput From(FeedbackAnswer answer) => new()
    {
        OverallRating = answer.OverallRating,
        MethodRating = answer.MethodRating,
        WhatWorked = answer.WhatWorked,
        WhatToImprove = answer.WhatToImprove,
        WouldComeAgain = answer.WouldComeAgain,
    };
}

/// <summary>The model of <c>_FeedbackFields</c>: the input, and whether the honeypot is added (the public walk-in form).</summary>
public sealed record FeedbackFields(FeedbackInput Input, bool WithHoneypot);
