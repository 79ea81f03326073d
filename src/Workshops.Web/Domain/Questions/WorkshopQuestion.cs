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

    /// <summary>
    /// Taken off the form by the organiser while people had chosen it: no longer offered, but kept with its wording so
    /// those answers still read as chosen in the lists, exports, report and on the personal page.
    /// </summary>
    public bool Archived { get; set; }
}

/// <summary>
/// The answers a question holds, as far as editing it is concerned: how many, and which option keys they chose (read in
/// the edit's transaction). A kind change that would not fit them is refused and an option they chose is archived.
/// </summary>
public sealed record AnswersHeld(int Count, IReadOnlySet<string> Keys)
{
    /// <summary>A question nobody has answered.</summary>
    public static readonly AnswersHeld None = new(0, new HashSet<string>());

    /// <summary>From the stored answers' <see cref="RegistrationAnswer.OptionKeys"/> (null for a text answer), one per answer.</summary>
    public static AnswersHeld Of(IReadOnlyCollection<string?> optionKeys) =>
        new(optionKeys.Count, optionKeys.SelectMany(k => k?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []).ToHashSet(StringComparer.Ordinal));
}

/// <summary>What an organiser sets on a question; an option's key is null for a new option.</summary>
public sealed record QuestionDraft(QuestionKind Kind, LocalizedText Text, LocalizedText Help, bool Required, IReadOnlyList<OptionDraft> Options);

/// <summary>One option as the organiser typed it; <paramref name="Key"/> is the existing option's key, or null for a new one.</summary>
public sealed record OptionDraft(string? Key, LocalizedText Text);

/// <summary>
/// A question an organiser adds to one workshop's registration form, with its wording in Finnish, Swedish and English
/// (Swedish and English fall back to Finnish when empty, <see cref="LocalizedText.For"/>). Nothing an organiser does to a
/// question hides or drops an answer it already has: a question with answers is archived instead of deleted
/// (<see cref="ArchivedAtUtc"/>), so is an option with answers (<see cref="QuestionOption.Archived"/>), and a change of
/// kind that the answers would not fit is refused (<see cref="CanChangeKindTo"/>).
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

    /// <summary>
    /// The options of a choice question as stored: those on the form in order, then the archived ones (taken off the form
    /// while they had answers); empty for the other kinds.
    /// </summary>
    public List<QuestionOption> Options { get; set; } = [];

    /// <summary>Set when removed while it had answers: off the form, still in the lists and exports.</summary>
    public DateTime? ArchivedAtUtc { get; set; }

    public bool IsChoice => Kind is QuestionKind.OneChoice or QuestionKind.SeveralChoices;

    /// <summary>Whether the answer is one or more option keys (choice and yes/no questions) rather than text.</summary>
    public bool TakesKeys => IsChoice || Kind == QuestionKind.YesNo;

    /// <summary>The options a person picks from: the organiser's options on the form (not the archived ones), or yes and no.</summary>
    public IReadOnlyList<QuestionOption> Choices => Kind == QuestionKind.YesNo ? YesNoOptions : Options.Where(o => !o.Archived).ToList();

    /// <summary>The option with <paramref name="key"/>, archived or not (yes and no for a yes/no question); null when there is none.</summary>
    public QuestionOption? Option(string key) => (Kind == QuestionKind.YesNo ? YesNoOptions : Options).FirstOrDefault(o => o.Key == key);

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
        question.Change(draft, AnswersHeld.None);
        return question;
    }

    /// <summary>
    /// Whether the question may become <paramref name="kind"/> while it holds <paramref name="held"/>: always without
    /// answers; with answers only where every answer still fits and shows (short text to long text, one choice to several).
    /// Any other change would leave text answers on a choice question, chosen keys on a text or yes/no question, several
    /// choices on a one-choice question or long texts past the short limit: shown empty, and dropped by the person's
    /// next correction. (Indico refuses a field's type change once there are registrations for the same reason.)
    /// </summary>
    public bool CanChangeKindTo(QuestionKind kind, AnswersHeld held) =>
        kind == Kind || held.Count == 0
        || (Kind, kind) is (QuestionKind.ShortText, QuestionKind.LongText) or (QuestionKind.OneChoice, QuestionKind.SeveralChoices);

    /// <summary>
    /// Replaces kind, wording, help, "required" and options. An option keeps its key when the draft names it (so its
    /// answers follow the new wording; an archived option named again is back on the form); a new option gets a key never
    /// used on this question; an option left out is dropped, unless <paramref name="held"/> answers chose it: then it is
    /// archived, off the form but kept after the others with its wording.
    /// </summary>
    /// <exception cref="ArgumentException">A choice question without options, or an empty Finnish wording.</exception>
    /// <exception cref="InvalidOperationException">A kind the answers would not fit (check <see cref="CanChangeKindTo"/> first).</exception>
    public void Change(QuestionDraft draft, AnswersHeld held)
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

        if (!CanChangeKindTo(draft.Kind, held))
        {
            throw new InvalidOperationException($"Question {Id} has {held.Count} answers: {Kind} cannot become {draft.Kind}.");
        }

        var used = Options.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var next = Options.Select(o => int.TryParse(o.Key.TrimStart('o'), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var options = new List<QuestionOption>();
        foreach (var option in isChoice ? draft.Options : [])
        {
            var key = option.Key is { } k && used.Contains(k) && options.All(o => o.Key != k) ? k : $"o{next++}";
            options.Add(new QuestionOption { Key = key, Text = Trimmed(option.Text) });
        }

        options.AddRange(Options
            .Where(o => held.Keys.Contains(o.Key) && options.All(n => n.Key != o.Key))
            .Select(o => new QuestionOption { Key = o.Key, Text = o.Text, Archived = true }));
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
    /// An answer as text in <paramref name="language"/>: a typed answer as typed; chosen options (archived ones too) in
    /// their current wording, or, when an option is unknown (deleted before options were archived) or the answer is not of
    /// this kind (stored before kind changes were refused), the Finnish text saved with the answer. Never empty.
    /// </summary>
    public string Describe(RegistrationAnswer answer, string language)
    {
        if (!TakesKeys || answer.OptionKeys is null)
        {
            return answer.Text;
        }

        var texts = answer.Keys.Select(k => Option(k)?.Text.For(language)).ToList();
        return texts.Count == 0 || texts.Any(t => t is null) ? answer.Text : string.Join(", ", texts);
    }

    /// <summary>
    /// What the correction form shows of <paramref name="answer"/> with the question as it is now: the text, or the chosen
    /// options still on the form. An archived option, or an answer not of this kind, is not shown (the form cannot), and
    /// the correction keeps it unless the person changes the answer (<see cref="AnswerCorrection"/>).
    /// </summary>
    public IReadOnlyList<string> Shown(RegistrationAnswer answer)
    {
        if (TakesKeys != (answer.OptionKeys is not null))
        {
            return [];
        }

        return TakesKeys ? [.. answer.Keys.Where(k => Choices.Any(o => o.Key == k))] : [answer.Text];
    }

    /// <summary>
    /// The part of <paramref name="answer"/> the correction form cannot show (<see cref="Shown"/>), as text in
    /// <paramref name="language"/>, so the form can say it is kept; null when the form shows all of it.
    /// </summary>
    public string? Unshown(RegistrationAnswer answer, string language)
    {
        var shown = Shown(answer);
        if (!TakesKeys || answer.OptionKeys is null)
        {
            return shown.Count == 0 ? Describe(answer, language) : null;
        }

        var hidden = answer.Keys.Except(shown, StringComparer.Ordinal).ToList();
        if (hidden.Count == 0)
        {
            return null;
        }

        return hidden.Any(k => Option(k) is null) ? answer.Text : string.Join(", ", hidden.Select(k => Option(k)!.Text.For(language)));
    }

    private static LocalizedText Trimmed(LocalizedText text) =>
        new() { Fi = text.Fi.Trim(), Sv = text.Sv.Trim(), En = text.En.Trim() };
}
