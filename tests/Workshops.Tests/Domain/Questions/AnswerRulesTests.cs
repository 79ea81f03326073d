using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;

namespace Workshops.Tests.Domain.Questions;

/// <summary>The one rule for answers to custom questions (<see cref="WorkshopQuestion.Check"/>), used by the form and by the transaction.</summary>
[Trait("Kind", "Rules")]
public sealed class AnswerRulesTests
{
    private static WorkshopQuestion Question(QuestionKind kind, bool required = false, int id = 1, params string[] options)
    {
        var question = WorkshopQuestion.Create(Guid.NewGuid(), 1, new QuestionDraft(kind, new LocalizedText { Fi = "Kysymys" }, new LocalizedText(), required,
            [.. options.Select(o => new OptionDraft(null, new LocalizedText { Fi = o }))]));
        question.Id = id;
        return question;
    }

    [Theory]
    [InlineData(QuestionKind.OneChoice, AnswerProblem.NoChoice)]
    [InlineData(QuestionKind.YesNo, AnswerProblem.NoChoice)]
    [InlineData(QuestionKind.SeveralChoices, AnswerProblem.NoChoices)]
    [InlineData(QuestionKind.ShortText, AnswerProblem.NoAnswer)]
    [InlineData(QuestionKind.LongText, AnswerProblem.NoAnswer)]
    public void ARequiredQuestionLeftEmptyIsAtFaultAndAnOptionalOneIsNot(QuestionKind kind, AnswerProblem expected)
    {
        Assert.Equal(expected, Question(kind, required: true, options: ["A"]).Check([]));
        Assert.Equal(expected, Question(kind, required: true, options: ["A"]).Check([""]));
        Assert.Null(Question(kind, required: false, options: ["A"]).Check([]));
    }

    [Fact]
    public void AChoiceMustBeAnOfferedKeyAndOnlyOneUnlessSeveralAreAsked()
    {
        var one = Question(QuestionKind.OneChoice, options: ["A", "B"]);
        var several = Question(QuestionKind.SeveralChoices, options: ["A", "B"]);

        Assert.Null(one.Check(["o2"]));
        Assert.Equal(AnswerProblem.NotAnOption, one.Check(["o3"])); // an option removed after the form was shown
        Assert.Equal(AnswerProblem.NotAnOption, one.Check(["o1", "o2"]));
        Assert.Null(several.Check(["o1", "o2"]));
        Assert.Equal(AnswerProblem.NotAnOption, Question(QuestionKind.YesNo).Check(["maybe"]));
        Assert.Null(Question(QuestionKind.YesNo).Check(["yes"]));
    }

    [Fact]
    public void ATextAnswerIsOneCleanTextWithinTheLimit()
    {
        var shortText = Question(QuestionKind.ShortText);

        Assert.Null(shortText.Check(["Lehdestä"]));
        Assert.Equal(AnswerProblem.NoAnswer, shortText.Check(["a", "b"]));
        Assert.Equal(AnswerProblem.TooLong, shortText.Check([new string('a', WorkshopQuestion.ShortAnswerMaxLength + 1)]));
        Assert.Equal(AnswerProblem.SpecialCharacters, shortText.Check(["two\nlines"]));
        Assert.Null(Question(QuestionKind.LongText).Check(["two\nlines"]));
    }

    [Fact]
    public void AQuestionWithoutAnAnswerCountsAsLeftEmptyAndAnswersToOtherQuestionsAreNotJudged()
    {
        var asked = Question(QuestionKind.ShortText, required: false, id: 1);
        var added = Question(QuestionKind.YesNo, required: true, id: 2); // not on the form the person filled in

        var faults = QuestionFaults.Find([asked, added], [new AnswerRequest(1, ["Lehdestä"]), new AnswerRequest(9, ["\u0001"])]);

        Assert.NotNull(faults);
        Assert.Equal([new AnswerFault(2, AnswerProblem.NoChoice)], faults.Faults);
        Assert.Equal([asked, added], faults.Questions);
        Assert.Null(QuestionFaults.Find([asked, added], [new AnswerRequest(1, []), new AnswerRequest(2, ["no"])]));
    }
}
