namespace Workshops.Web.Domain.Accessibility;

/// <summary>
/// What a person needs to take part, ticked on the registration form (issue 26, item 1), stored as one number per
/// registration. Personal data: erased and purged with the rest of the registration.
/// </summary>
[Flags]
public enum AccessNeeds
{
    None = 0,
    Captions = 1,
    SignLanguage = 2,
    InductionLoop = 4,
    StepFreeAccess = 8,

    /// <summary>An assistant comes along.</summary>
    Assistant = 16,
    PlainLanguage = 32,

    /// <summary>A special diet, where food is served (the free text says which).</summary>
    Diet = 64,
}

/// <summary>The single needs of <see cref="AccessNeeds"/>, in the form's order, and how many people ticked each.</summary>
public static class AccessNeedsSummary
{
    /// <summary>Each single need in the form's order.</summary>
    public static IReadOnlyList<AccessNeeds> Each { get; } =
        [AccessNeeds.Captions, AccessNeeds.SignLanguage, AccessNeeds.InductionLoop, AccessNeeds.StepFreeAccess,
         AccessNeeds.Assistant, AccessNeeds.PlainLanguage, AccessNeeds.Diet];

    /// <summary>The single needs set in <paramref name="needs"/>, in the form's order.</summary>
    public static IReadOnlyList<AccessNeeds> Split(AccessNeeds needs) => Each.Where(n => needs.HasFlag(n)).ToList();

    /// <summary>The needs of all the given people folded into one value (unknown bits dropped).</summary>
    public static AccessNeeds Combine(IEnumerable<AccessNeeds> needs) =>
        needs.Aggregate(AccessNeeds.None, (all, n) => all | n) & Each.Aggregate(AccessNeeds.None, (all, n) => all | n);

    /// <summary>For each single need ticked by anyone: how many of <paramref name="people"/> ticked it ("2 need captions").</summary>
    public static IReadOnlyList<(AccessNeeds Need, int Count)> Count(IEnumerable<AccessNeeds> people)
    {
        var list = people.ToList();
        return Each.Select(n => (n, list.Count(p => p.HasFlag(n)))).Where(c => c.Item2 > 0).ToList();
    }
}
