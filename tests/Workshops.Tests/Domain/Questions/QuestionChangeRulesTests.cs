using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;

namespace Workshops.Tests.Domain.Questions;

/// <summary>
/// What an organiser's edit of a question may do to its answers, and what a person's correction keeps: the rules of
/// <see cref="WorkshopQuestion.Change"/>, <see cref="WorkshopQuestion.Describe"/> and <see cref="AnswerCorrection"/>, without a database.
/// </summary>
[Trait("Kind", "Rules")]
public sealed class QuestionChangeRulesTests
{
    private static WorkshopQuestion Question(QuestionKind kind, bool required = false, params string[] options)
    {
        var question = WorkshopQuestion.Create(Guid.NewGuid(), 1, Draft(kind, required, options));
        question.Id = 7;
        return question;
    }

    private static QuestionDraft Draft(QuestionKind kind, bool required = false, params string[] options) =>
        new(kind, new LocalizedText { Fi = "Kysymys" }, new LocalizedText(), required, [.. options.Select(o => new OptionDraft(null, new LocalizedText { Fi = o }))]);

    /// <summary>The question as a draft with only the options on the form named <paramref name="keys"/> (keys kept).</summary>
    private static QuestionDraft Only(WorkshopQuestion question, params string[] keys) =>
        new(question.Kind, question.Text, question.Help, question.Required,
            [.. question.Choices.Where(o => keys.Contains(o.Key)).Select(o => new OptionDraft(o.Key, o.Text))]);

    private static RegistrationAnswer Answer(WorkshopQuestion question, params string[] values) =>
        RegistrationAnswer.For(question, new AnswerRequest(question.Id, values))!;

    private static AnswersHeld Held(params RegistrationAnswer[] answers) => AnswersHeld.Of([.. answers.Select(a => a.OptionKeys)]);

    [Theory]
    [InlineData(QuestionKind.ShortText, QuestionKind.LongText, true)]
    [InlineData(QuestionKind.OneChoice, QuestionKind.SeveralChoices, true)]
    [InlineData(QuestionKind.LongText, QuestionKind.ShortText, false)]
    [InlineData(QuestionKind.SeveralChoices, QuestionKind.OneChoice, false)]
    [InlineData(QuestionKind.ShortText, QuestionKind.SeveralChoices, false)]
    [InlineData(QuestionKind.OneChoice, QuestionKind.ShortText, false)]
    [InlineData(QuestionKind.YesNo, QuestionKind.OneChoice, false)]
    [InlineData(QuestionKind.OneChoice, QuestionKind.YesNo, false)]
    public void AnAnsweredQuestionChangesKindOnlyWhereEveryAnswerStillFits(QuestionKind from, QuestionKind to, bool allowed)
    {
        var question = Question(from, options: ["A", "B"]);
        var answered = new AnswersHeld(1, new HashSet<string> { "o1" });

        Assert.Equal(allowed, question.CanChangeKindTo(to, answered));
        Assert.True(question.CanChangeKindTo(to, AnswersHeld.None)); // nobody has answered: anything goes
        if (!allowed)
        {
            Assert.Throws<InvalidOperationException>(() => question.Change(Draft(to, options: ["A", "B"]), answered));
            Assert.Equal(from, question.Kind);
        }
    }

    [Fact]
    public void AnOptionWithAnswersLeftOutIsArchivedAndStillNamesItsAnswersWhileOneWithoutIsDropped()
    {
        var question = Question(QuestionKind.SeveralChoices, options: ["Aamu", "Ilta", "Yö"]);
        var morning = Answer(question, "o1");

        question.Change(Only(question, "o2"), Held(morning));

        Assert.Equal(["o2"], question.Choices.Select(o => o.Key));
        Assert.Equal([("o2", false), ("o1", true)], question.Options.Select(o => (o.Key, o.Archived)));
        Assert.Equal("Aamu", question.Describe(morning, "fi"));
        Assert.Equal(AnswerProblem.NotAnOption, question.Check(["o1"])); // no longer offered to anyone
        Assert.Empty(question.Shown(morning));
        Assert.Equal("Aamu", question.Unshown(morning, "sv"));

        // A new option never takes an archived option's key; naming the archived key again brings it back.
        question.Change(new QuestionDraft(question.Kind, question.Text, question.Help, false,
            [new OptionDraft("o2", new LocalizedText { Fi = "Ilta" }), new OptionDraft(null, new LocalizedText { Fi = "Uusi" })]), Held(morning));
        Assert.Equal("o2", question.Choices[0].Key);
        Assert.NotEqual("o1", question.Choices[1].Key);
        question.Change(new QuestionDraft(question.Kind, question.Text, question.Help, false, [new OptionDraft("o1", new LocalizedText { Fi = "Aamupäivä" })]), Held(morning));
        Assert.Equal(["o1"], question.Choices.Select(o => o.Key));
        Assert.Equal("Aamupäivä", question.Describe(morning, "fi"));
    }

    [Fact]
    public void ATextAnswerStoredUnderAnEarlierKindReadsAsTypedAndIsCountedAsOther()
    {
        // Before kind changes were refused, a text question could become a choice question with its text answers in place.
        var question = Question(QuestionKind.ShortText);
        var typed = Answer(question, "Lehdestä");
        question.Change(Draft(QuestionKind.OneChoice, options: ["Lehdestä", "Somesta"]), AnswersHeld.None);

        Assert.Equal("Lehdestä", question.Describe(typed, "en"));
        Assert.Empty(question.Shown(typed));
        var tally = Assert.Single(AnswerTally.Build([question], [typed]));
        Assert.Equal((1, 1), (tally.Answered, tally.Other));
    }

    [Fact]
    public void TheReportCountsAnArchivedOptionThatStillHasAnswersAfterTheOptionsOnTheForm()
    {
        var question = Question(QuestionKind.OneChoice, options: ["Aamu", "Ilta", "Yö"]);
        var answers = new[] { Answer(question, "o1"), Answer(question, "o2") };
        question.Change(Only(question, "o2"), Held(answers));

        var tally = Assert.Single(AnswerTally.Build([question], answers));

        Assert.Equal([("o2", 1, false), ("o1", 1, true)], tally.Choices.Select(c => (c.Key, c.Count, c.Archived)));
        Assert.Equal(0, tally.Other);
    }

    [Fact]
    public void ACorrectionThatLeavesAnAnswerAsTheFormShowedItKeepsItEvenWhenTheFormCannotShowIt()
    {
        var question = Question(QuestionKind.OneChoice, required: true, options: ["Aamu", "Ilta"]);
        var stored = new List<RegistrationAnswer> { Answer(question, "o1") };
        question.Change(Only(question, "o2"), Held([.. stored]));
        AnswerRequest[] posted = [new(question.Id, [])]; // the form shows no choice ticked

        Assert.True(AnswerCorrection.Untouched(question, stored[0], []));
        Assert.Null(AnswerCorrection.Faults([question], stored, posted)); // required, but already answered
        Assert.False(AnswerCorrection.Apply(stored, [question], posted));
        Assert.Equal("o1", Assert.Single(stored).OptionKeys);

        // Choosing another option is a change: it replaces the one answer a one-choice question takes.
        Assert.True(AnswerCorrection.Apply(stored, [question], [new(question.Id, ["o2"])]));
        Assert.Equal(("o2", "Ilta"), (stored[0].OptionKeys, stored[0].Text));
    }

    [Fact]
    public void ASeveralChoicesCorrectionKeepsTheArchivedOptionsThePersonCouldNotUntick()
    {
        var question = Question(QuestionKind.SeveralChoices, required: true, options: ["Tietoa", "Verkostoja", "Kahvia"]);
        var stored = new List<RegistrationAnswer> { Answer(question, "o1", "o2") };
        question.Change(Only(question, "o2", "o3"), Held([.. stored]));
        Assert.Equal(["o2"], question.Shown(stored[0]));

        Assert.True(AnswerCorrection.Apply(stored, [question], [new(question.Id, ["o3"])]));
        Assert.Equal(("o3 o1", "Kahvia, Tietoa"), (stored[0].OptionKeys, stored[0].Text));

        // Unticking everything it can see leaves the archived choice: still an answer, so "required" is satisfied.
        AnswerRequest[] nothing = [new(question.Id, [])];
        Assert.Null(AnswerCorrection.Faults([question], stored, nothing));
        Assert.True(AnswerCorrection.Apply(stored, [question], nothing));
        Assert.Equal(("o1", "Tietoa"), (stored[0].OptionKeys, stored[0].Text));
    }

    [Fact]
    public void AChangedOrNewAnswerIsJudgedAsOnTheRegistrationForm()
    {
        var text = Question(QuestionKind.ShortText, required: true);
        var asked = Question(QuestionKind.YesNo, required: true);
        asked.Id = 8;
        var stored = new List<RegistrationAnswer> { Answer(text, "Lehdestä") };

        var faults = AnswerCorrection.Faults([text, asked], stored, [new(text.Id, ["  "]), new(asked.Id, [])]);

        Assert.NotNull(faults);
        Assert.Equal([new AnswerFault(text.Id, AnswerProblem.NoAnswer), new AnswerFault(asked.Id, AnswerProblem.NoChoice)], faults.Faults);
        Assert.Equal([text, asked], faults.Questions);
        Assert.True(AnswerCorrection.Untouched(text, stored[0], [" Lehdestä "]));
        Assert.False(AnswerCorrection.Untouched(text, stored[0], ["Somesta"]));
    }
}
