namespace Workshops.Web.Domain.Questions;

/// <summary>What kind of answer a custom question takes.</summary>
public enum QuestionKind
{
    ShortText = 0,
    LongText = 1,
    OneChoice = 2,
    SeveralChoices = 3,
    YesNo = 4,
}

/// <summary>One option of a choice question. <see cref="Key"/> never changes, so a renamed option keeps its answers.</summary>
public sealed class QuestionOption
{
    public string Key { get; set; } = "";
    public LocalizedText Text { get; set; } = new();
}

/// <summary>What an organiser sets on a question; an option's key is null for a new option.</summary>
public sealed record QuestionDraft(QuestionKind Kind, LocalizedText Text, LocalizedText Help, bool Required, IReadOnlyList<OptionDraft> Options);

/// <summary>One option as the organiser typed it; <paramref name="Key"/> is the existing option's key, or null for a new one.</summary>
public sealed record OptionDraft(string? Key, LocalizedText Text);

/// <summary>
/// A question an organiser adds to one workshop's registration form, with its wording in Finnish, Swedish and English
/// (Swedish and English fall back to Finnish when empty, <see cref="LocalizedText.For"/>). A question that already has
/// answers is archived instead of deleted (<see cref="ArchivedAtUtc"/>): it leaves the form but its answers stay
/// readable in the attendee list and the exports.
/// </summary>
public sealed class WorkshopQuestion
{
    public const int TextMaxLength = 500;
    public const int HelpMaxLength = 1000;
    public const int OptionMaxLength = 200;
    public const int MaxOptions = 30;
    public const int ShortAnswerMaxLength = 300;
    public const int LongAnswerMaxLength = 2000;

    /// <summary>
    /// How many answer fields one workshop's questions may put on its registration form together: 60. Each answered
    /// field is one form value, and the site reads at most 100 values per form (<c>FormOptions.ValueCountLimit</c> in
    /// <c>WebServiceCollectionExtensions</c>; beyond it every post of the form answered 400); the form's own fields (name,
    /// email, organisation, group, needs, consent, the language, the antiforgery token, the honeypot, the form key) take
    /// under 20 of them on the public form, the organiser's add form and the person's correction form alike.
    /// </summary>
    public const int MaxAnswerFieldsPerForm = 60;

    /// <summary>The keys and wording of a yes/no question's two answers.</summary>
    public static readonly IReadOnlyList<QuestionOption> YesNoOptions =
    [
        new() { Key = "yes", Text = new LocalizedText { Fi = "Kyllä", Sv = "Ja", En = "Yes" } },
        new() { Key = "no", Text = new LocalizedText { Fi = "Ei", Sv = "Nej", En = "No" } },
    ];

    public int Id { get; set; }
    public Guid WorkshopId { get; set; }

    /// <summary>The order on the form, smallest first (gaps allowed).</summary>
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public LocalizedText Text { get; set; } = new();
    public LocalizedText Help { get; set; } = new();
    public bool Required { get; set; }

    /// <summary>The options of a choice question, in order; empty for the other kinds.</summary>
    public List<QuestionOption> Options { get; set; } = [];

    /// <summary>Set when removed while it had answers: off the form, still in the lists and exports.</summary>
    public DateTime? ArchivedAtUtc { get; set; }

    public bool IsChoice => Kind is QuestionKind.OneChoice or QuestionKind.SeveralChoices;

    /// <summary>Whether the answer is one or more option keys (choice and yes/no questions) rather than text.</summary>
    public bool TakesKeys => IsChoice || Kind == QuestionKind.YesNo;

    /// <summary>The options a person picks from: the organiser's options, or yes and no.</summary>
    public IReadOnlyList<QuestionOption> Choices => Kind == QuestionKind.YesNo ? YesNoOptions : Options;

    /// <summary>The answer fields a question of <paramref name="kind"/> puts on the form: one per option for several choices, else one.</summary>
    public static int AnswerFieldsOf(QuestionKind kind, int options) => kind == QuestionKind.SeveralChoices ? options : 1;

    /// <summary>The answer fields this question puts on the form (<see cref="AnswerFieldsOf"/>).</summary>
    public int AnswerFields => AnswerFieldsOf(Kind, Options.Count);

    /// <summary>The longest text answer accepted, in characters.</summary>
    public int AnswerMaxLength => Kind == QuestionKind.LongText ? LongAnswerMaxLength : ShortAnswerMaxLength;

    /// <summary>A new question at <paramref name="position"/>.</summary>
    /// <exception cref="ArgumentException">A choice question without options, or an empty Finnish wording.</exception>
    public static WorkshopQuestion Create(Guid workshopId, int position, QuestionDraft draft)
    {
        var question = new WorkshopQuestion { WorkshopId = workshopId, Position = position };
        question.Change(draft);
        return question;
    }

    /// <summary>
    /// Replaces kind, wording, help, "required" and options. An option keeps its key when the draft names it (so its
    /// answers follow the new wording); a new option gets a key never used on this question; an option left out is gone
    /// from the form, and answers that chose it keep their snapshot wording.
    /// </summary>
    /// <exception cref="ArgumentException">A choice question without options, or an empty Finnish wording.</exception>
    public void Change(QuestionDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Text.Fi))
        {
            throw new ArgumentException("A question needs its Finnish wording.", nameof(draft));
        }

        var isChoice = draft.Kind is QuestionKind.OneChoice or QuestionKind.SeveralChoices;
        if (isChoice && draft.Options.Count == 0)
        {
            throw new ArgumentException("A choice question needs at least one option.", nameof(draft));
        }

        var used = Options.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var next = Options.Select(o => int.TryParse(o.Key.TrimStart('o'), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var options = new List<QuestionOption>();
        foreach (var option in isChoice ? draft.Options : [])
        {
            var key = option.Key is { } k && used.Contains(k) && options.All(o => o.Key != k) ? k : $"o{next++}";
            options.Add(new QuestionOption { Key = key, Text = Trimmed(option.Text) });
        }

        (Kind, Text, Help, Required, Options) = (draft.Kind, Trimmed(draft.Text), Trimmed(draft.Help), draft.Required, options);
    }

    /// <summary>
    /// What is wrong with <paramref name="values"/> (what the form posted for this question) as its answer, or null when
    /// it may be stored. The one rule for answers: the form checks with it first, and the registration's transaction
    /// checks again with the question as it is there (<see cref="QuestionFaults.Find"/>).
    /// </summary>
    public AnswerProblem? Check(IReadOnlyList<string> values)
    {
        if (TakesKeys)
        {
            var keys = values.Where(v => v.Length > 0).ToList();
            if (keys.Any(k => Choices.All(o => o.Key != k)) || (Kind != QuestionKind.SeveralChoices && keys.Count > 1))
            {
                return AnswerProblem.NotAnOption;
            }

            if (!Required || keys.Count > 0)
            {
                return null;
            }

            return Kind == QuestionKind.SeveralChoices ? AnswerProblem.NoChoices : AnswerProblem.NoChoice;
        }

        var text = values.FirstOrDefault()?.Trim() ?? "";
        if (values.Count > 1 || (Required && text.Length == 0))
        {
            return AnswerProblem.NoAnswer;
        }

        if (text.Length > AnswerMaxLength)
        {
            return AnswerProblem.TooLong;
        }

        return TextRules.IsClean(text, allowLineBreaks: Kind == QuestionKind.LongText) ? null : AnswerProblem.SpecialCharacters;
    }

    /// <summary>Takes the question off the form, keeping it (and its answers) for the lists and exports.</summary>
    public void Archive(DateTime nowUtc) => ArchivedAtUtc ??= nowUtc;

    /// <summary>
    /// An answer as text in <paramref name="language"/>: a typed answer as typed; chosen options in their current wording,
    /// or, when an option has since been removed, the Finnish wording saved with the answer.
    /// </summary>
    public string Describe(RegistrationAnswer answer, string language)
    {
        if (!TakesKeys)
        {
            return answer.Text;
        }

        var keys = answer.Keys;
        var texts = keys.Select(k => Choices.FirstOrDefault(o => o.Key == k)?.Text.For(language)).ToList();
        return texts.Any(t => t is null) ? answer.Text : string.Join(", ", texts);
    }

    private static LocalizedText Trimmed(LocalizedText text) =>
        new() { Fi = text.Fi.Trim(), Sv = text.Sv.Trim(), En = text.En.Trim() };
}
