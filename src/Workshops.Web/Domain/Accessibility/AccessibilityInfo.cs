namespace Workshops.Web.Domain.Accessibility;

/// <summary>What the organiser says about one arrangement: not said yet (the default), yes or no.</summary>
public enum ArrangementStatus
{
    /// <summary>Nothing said: the public page reads "not yet known — ask the contact" (issue 26: invent nothing).</summary>
    NotYetKnown = 0,
    Yes = 1,
    No = 2,
}

/// <summary>The arrangements of the accessibility checklist, in the order the page shows them.</summary>
public enum Arrangement
{
    StepFreeAccess,
    InductionLoop,
    Captions,
    SignLanguage,
    PlainLanguage,
    QuietSpace,
    FreeAssistant,
}

/// <summary>
/// A workshop's accessibility block as stored with it (a complex type: columns of the workshop's row): one answer per
/// <see cref="Arrangement"/> and a free text per language. Replaced as a whole by
/// <see cref="Workshops.Workshop.DescribeAccessibility"/>, never mutated in place.
/// </summary>
public sealed class AccessibilityInfo
{
    public const int NotesMaxLength = 2000;

    public ArrangementStatus StepFreeAccess { get; set; }
    public ArrangementStatus InductionLoop { get; set; }
    public ArrangementStatus Captions { get; set; }
    public ArrangementStatus SignLanguage { get; set; }
    public ArrangementStatus PlainLanguage { get; set; }
    public ArrangementStatus QuietSpace { get; set; }
    public ArrangementStatus FreeAssistant { get; set; }

    /// <summary>Anything else the organiser tells, per language (empty: nothing).</summary>
    public LocalizedText Notes { get; set; } = new();

    /// <summary>The answer for one arrangement.</summary>
    public ArrangementStatus For(Arrangement arrangement) => arrangement switch
    {
        Arrangement.StepFreeAccess => StepFreeAccess,
        Arrangement.InductionLoop => InductionLoop,
        Arrangement.Captions => Captions,
        Arrangement.SignLanguage => SignLanguage,
        Arrangement.PlainLanguage => PlainLanguage,
        Arrangement.QuietSpace => QuietSpace,
        _ => FreeAssistant,
    };

    /// <summary>A new block from one answer per arrangement (missing ones: not yet known) and the notes, trimmed.</summary>
    public static AccessibilityInfo From(IReadOnlyDictionary<Arrangement, ArrangementStatus> answers, LocalizedText notes)
    {
        ArrangementStatus A(Arrangement a) => answers.TryGetValue(a, out var v) && Enum.IsDefined(v) ? v : ArrangementStatus.NotYetKnown;
        return new AccessibilityInfo
        {
            StepFreeAccess = A(Arrangement.StepFreeAccess),
            InductionLoop = A(Arrangement.InductionLoop),
            Captions = A(Arrangement.Captions),
            SignLanguage = A(Arrangement.SignLanguage),
            PlainLanguage = A(Arrangement.PlainLanguage),
            QuietSpace = A(Arrangement.QuietSpace),
            FreeAssistant = A(Arrangement.FreeAssistant),
            Notes = notes.Trimmed(),
        };
    }

    /// <summary>Whether both say the same, answer for answer and text for text.</summary>
    public bool SameAs(AccessibilityInfo other) =>
        Enum.GetValues<Arrangement>().All(a => For(a) == other.For(a)) && Notes.SameAs(other.Notes);
}
