namespace Workshops.Web.Domain.Registrations;

/// <summary>
/// How many people one public registration form may register together (the contact and the colleagues they add), as stored
/// with the workshop (a complex type: the column <c>Groups_MaxPeople</c> of its row). 1 means no groups: the form shows
/// no "add a person" button. Each person of a group gets a registration, an email and a personal link of their own
/// (<see cref="GroupRegistrationService.RegisterGroupAsync"/>).
/// </summary>
public sealed record GroupSettings
{
    /// <summary>What a workshop allows unless an organiser chooses otherwise.</summary>
    public const int DefaultMaxPeople = 5;

    /// <summary>The most an organiser may allow on one form (a larger group is better sent as a list to the organisers).</summary>
    public const int Limit = 20;

    /// <summary>People on one form, the contact included: 1–<see cref="Limit"/>.</summary>
    public int MaxPeople { get; set; } = DefaultMaxPeople;

    /// <summary>Whether the form offers to add people at all.</summary>
    public bool AllowsGroups => MaxPeople > 1;

    /// <summary>Settings for <paramref name="maxPeople"/>, or <paramref name="current"/> when nothing was chosen (the seed file, older callers).</summary>
    /// <exception cref="ArgumentException">A size outside 1–<see cref="Limit"/>.</exception>
    public static GroupSettings Choose(int? maxPeople, GroupSettings current) => maxPeople switch
    {
        null => current,
        < 1 or > Limit => throw new ArgumentException($"A group has 1–{Limit} people.", nameof(maxPeople)),
        _ => new GroupSettings { MaxPeople = maxPeople.Value },
    };
}
