namespace Workshops.Web.Domain.Workshops;

/// <summary>
/// The organiser's own words that go into a workshop's emails (issue 25, item 5), stored with the workshop (a complex
/// type: columns of its row) and replaced as a whole, never mutated in place. Plain text, NFC, trimmed, at most
/// <see cref="MaxLength"/> characters per language; an empty language falls back to the Finnish text
/// (<see cref="LocalizedText.For"/>). The emails escape it for HTML and keep its line breaks.
/// </summary>
public sealed class WorkshopTexts
{
    /// <summary>The longest text per language, in characters (UTF-16 code units, as the form counts them).</summary>
    public const int MaxLength = 2000;

    /// <summary>
    /// Practical information (parking, lunch, the agenda), in the confirmation and the reminder. A change reaches only the
    /// messages composed after it: confirmations already sent are not sent again, reminders sent later carry the new text.
    /// </summary>
    public LocalizedText PracticalInfo { get; set; } = new();

    /// <summary>The organiser's reason for cancelling the workshop, given with the cancellation and put in its emails.</summary>
    public LocalizedText CancellationReason { get; set; } = new();

    /// <summary>A copy with new practical information (trimmed, NFC).</summary>
    public WorkshopTexts WithPracticalInfo(LocalizedText info) =>
        new() { PracticalInfo = Clean(info), CancellationReason = CancellationReason.Copy() };

    /// <summary>A copy with the reason for a cancellation (trimmed, NFC).</summary>
    public WorkshopTexts WithCancellationReason(LocalizedText reason) =>
        new() { PracticalInfo = PracticalInfo.Copy(), CancellationReason = Clean(reason) };

    /// <summary>Whether both hold the same texts, character for character.</summary>
    public bool SameAs(WorkshopTexts other) => PracticalInfo.SameAs(other.PracticalInfo) && CancellationReason.SameAs(other.CancellationReason);

    /// <summary>A text as stored: each language trimmed and NFC (<see cref="TextRules.Nfc"/>), so it compares as typed.</summary>
    public static LocalizedText Clean(LocalizedText text) =>
        new() { Fi = TextRules.Nfc(text.Fi.Trim()), Sv = TextRules.Nfc(text.Sv.Trim()), En = TextRules.Nfc(text.En.Trim()) };

    /// <summary>The text for <paramref name="language"/> (Finnish when that language is empty), or null when there is none.</summary>
    public static string? In(LocalizedText text, string language) => text.For(language) is { Length: > 0 } words ? words : null;
}
