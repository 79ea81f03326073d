using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Feedback;

/// <summary>
/// What the comparison needs of one feedback answer (no names: answers never carry one). <paramref name="Mode"/>: how the
/// participant who answered attended (their registration's stored mode); null for a walk-in visitor's anonymous answer.
/// </summary>
public sealed record FeedbackFact(
    int Id, Guid WorkshopId, FeedbackSource Source, int OverallRating, int MethodRating, ComeAgain? WouldComeAgain,
    string? WhatWorked, string? WhatToImprove, AttendanceMode? Mode = null);

/// <summary>A 1–5 question's answers: the mean (null without answers), how many answered, and how many gave each value.</summary>
public sealed record RatingSummary(double? Average, int Count, IReadOnlyList<int> Distribution)
{
    /// <summary>Counts of 1, 2, 3, 4 and 5 in that order, and their mean.</summary>
    public static RatingSummary Of(IReadOnlyCollection<int> ratings) => new(
        ratings.Count == 0 ? null : ratings.Average(),
        ratings.Count,
        Enumerable.Range(FeedbackAnswer.MinRating, FeedbackAnswer.MaxRating).Select(v => ratings.Count(r => r == v)).ToList());
}

/// <summary>
/// The means of one source's answers (participants through their personal link, or anonymous walk-in visitors), null
/// without answers. Shown apart so that a skew is visible: walk-in answers cannot be tied to anyone, so many of them
/// from few people would otherwise move a format's score unseen (issue 22).
/// </summary>
public sealed record SourceMeans(double? Overall, double? Method)
{
    /// <summary>The means of <paramref name="answers"/>.</summary>
    public static SourceMeans Of(IReadOnlyCollection<FeedbackFact> answers) => new(
        answers.Count == 0 ? null : answers.Average(a => a.OverallRating),
        answers.Count == 0 ? null : answers.Average(a => a.MethodRating));
}

/// <summary>The "would you come again?" answers.</summary>
public sealed record ComeAgainSummary(int Yes, int No, int Maybe, int NoAnswer);

/// <summary>
/// One line of the comparison: one workshop, or one format (all workshops of that way of working together).
/// Registered = confirmed and waiting (as in the participation report); CheckedIn = marked present; HeadCount = visitors
/// counted at the door of walk-in workshops (null when none was recorded); Asked = people a feedback request was actually
/// sent to (only those who attended, <see cref="FeedbackRules.Attended"/>; erased ones included: their answer stays
/// counted), null when nobody has been asked yet (the page shows "–", not 0); ResponseRate = participant answers ÷ Asked;
/// walk-in answers are counted apart (they have no denominator), and <see cref="ParticipantMeans"/> and
/// <see cref="WalkInMeans"/> give each source's means beside the overall ones.
/// </summary>
public sealed record MethodLine(
    string Label, Workshop? Workshop, WorkshopFormat Format, int WorkshopCount, int Registered, int CheckedIn, int? HeadCount,
    int? Asked, int ParticipantAnswers, int WalkInAnswers, RatingSummary Overall, RatingSummary Method, ComeAgainSummary ComeAgain,
    int? Proposals)
{
    /// <summary>The means of the answers given through personal links (<see cref="ParticipantAnswers"/> of them).</summary>
    public SourceMeans ParticipantMeans { get; init; } = new(null, null);

    /// <summary>For a line of one hybrid workshop's people attending one way (<see cref="MethodComparison.Modes"/>), that way; null otherwise.</summary>
    public AttendanceMode? Mode { get; init; }

    /// <summary>The means of the anonymous walk-in answers (<see cref="WalkInAnswers"/> of them).</summary>
    public SourceMeans WalkInMeans { get; init; } = new(null, null);

    public int Answers => ParticipantAnswers + WalkInAnswers;

    /// <summary>Participant answers as a share of those asked, 0–1; null when no one was asked.</summary>
    public double? ResponseRate => Asked is > 0 ? (double)ParticipantAnswers / Asked.Value : null;
}

/// <summary>One answer with the workshop it is about; never a name.</summary>
public sealed record AnswerLine(Workshop Workshop, FeedbackFact Answer)
{
    public bool HasText => Answer.WhatWorked is not null || Answer.WhatToImprove is not null;
}

/// <summary>
/// The cross-workshop comparison of the ways of working (in person, walk-in, online…), for planning the competence
/// centre: per workshop and per format, and each hybrid workshop split by how people attended (<see cref="Modes"/>: on site
/// and online, each from its own registrations and its participants' answers; issue 26). Pure: built from plain facts, so
/// the counting rules are tested without a database. Cancelled workshops are left out (nobody took part).
/// </summary>
public sealed record MethodComparison(IReadOnlyList<MethodLine> Workshops, IReadOnlyList<MethodLine> Formats, IReadOnlyList<AnswerLine> Answers)
{
    /// <summary>Two lines per hybrid workshop, on site then online (empty without hybrid workshops).</summary>
    public IReadOnlyList<MethodLine> Modes { get; init; } = [];

    /// <summary>Whether any line has a proposal count (they come from the proposals feature, issue 15a).</summary>
    public bool HasProposals => Workshops.Any(w => w.Proposals is not null);

    /// <param name="workshops">Every workshop; cancelled ones are left out.</param>
    /// <param name="registrations">Every registration's facts.</param>
    /// <param name="answers">Every feedback answer.</param>
    /// <param name="proposalsPerWorkshop">
    /// The number of proposals per workshop id, or null while the site has no proposals (issue 15a adds them at merge:
    /// <c>OutcomesModel.ProposalCountsAsync</c> is the one place that fills this in).
    /// </param>
    public static MethodComparison Build(
        IReadOnlyList<Workshop> workshops, IReadOnlyList<RegistrationFact> registrations, IReadOnlyList<FeedbackFact> answers,
        IReadOnlyDictionary<Guid, int>? proposalsPerWorkshop = null)
    {
        var held = workshops.Where(w => w.Status != WorkshopStatus.Cancelled).ToList();
        var lines = held.Select(w => Line(w.Title.Fi, w, w.Format, [w], registrations, answers, proposalsPerWorkshop)).ToList();
        var formats = held.GroupBy(w => w.Format).OrderBy(g => g.Key)
            .Select(g => Line(g.Key.ToString(), null, g.Key, g.ToList(), registrations, answers, proposalsPerWorkshop))
            .ToList();
        var byId = held.ToDictionary(w => w.Id);
        var each = answers
            .Where(a => byId.ContainsKey(a.WorkshopId))
            .OrderBy(a => held.IndexOf(byId[a.WorkshopId])).ThenBy(a => a.Id)
            .Select(a => new AnswerLine(byId[a.WorkshopId], a))
            .ToList();
        var modes = held.Where(w => w.IsHybrid()).SelectMany(w => AttendanceModes.Each.Select(m => ModeLine(w, m, registrations, answers))).ToList();
        return new MethodComparison(lines, formats, each) { Modes = modes };
    }

    /// <summary>One hybrid workshop's people attending by <paramref name="mode"/>: their registrations and their answers.</summary>
    private static MethodLine ModeLine(Workshop workshop, AttendanceMode mode, IReadOnlyList<RegistrationFact> registrations, IReadOnlyList<FeedbackFact> answers)
    {
        var line = Line(workshop.Title.Fi, workshop, workshop.Format, [workshop], [.. registrations.Where(r => r.Mode == mode)], [.. answers.Where(a => a.Mode == mode)], null);
        return line with { Mode = mode };
    }

    private static MethodLine Line(
        string label, Workshop? workshop, WorkshopFormat format, IReadOnlyList<Workshop> group,
        IReadOnlyList<RegistrationFact> registrations, IReadOnlyList<FeedbackFact> answers, IReadOnlyDictionary<Guid, int>? proposals)
    {
        var ids = group.Select(w => w.Id).ToHashSet();
        var people = registrations.Where(r => ids.Contains(r.WorkshopId)).ToList();
        var mine = answers.Where(a => ids.Contains(a.WorkshopId)).ToList();
        var headCounts = group.Where(w => w.HeadCount is not null).Select(w => w.HeadCount!.Value).ToList();
        return new MethodLine(
            label, workshop, format, group.Count,
            Registered: people.Count(r => r.Status != RegistrationStatus.Cancelled),
            CheckedIn: people.Count(r => r.Status != RegistrationStatus.Cancelled && r.Attended),
            HeadCount: headCounts.Count == 0 ? null : headCounts.Sum(),
            Asked: people.Count(r => r.AskedForFeedback) is var asked and > 0 ? asked : null,
            ParticipantAnswers: mine.Count(a => a.Source == FeedbackSource.Participant),
            WalkInAnswers: mine.Count(a => a.Source == FeedbackSource.WalkIn),
            Overall: RatingSummary.Of(mine.Select(a => a.OverallRating).ToList()),
            Method: RatingSummary.Of(mine.Select(a => a.MethodRating).ToList()),
            ComeAgain: new ComeAgainSummary(
                mine.Count(a => a.WouldComeAgain == Domain.Feedback.ComeAgain.Yes), mine.Count(a => a.WouldComeAgain == Domain.Feedback.ComeAgain.No),
                mine.Count(a => a.WouldComeAgain == Domain.Feedback.ComeAgain.Maybe), mine.Count(a => a.WouldComeAgain is null)),
            Proposals: proposals is null ? null : group.Sum(w => proposals.GetValueOrDefault(w.Id)))
        {
            ParticipantMeans = SourceMeans.Of(mine.Where(a => a.Source == FeedbackSource.Participant).ToList()),
            WalkInMeans = SourceMeans.Of(mine.Where(a => a.Source == FeedbackSource.WalkIn).ToList()),
        };
    }
}
