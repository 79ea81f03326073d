using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Tests.Domain.Feedback;

/// <summary>When the feedback request is due and who is asked: the rules without a database.</summary>
[Trait("Kind", "Rules")]
public sealed class FeedbackRulesTests
{
    private static readonly DateOnly Day = new(2028, 5, 31);
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    [Fact]
    public void ATimedWorkshopIsAskedAboutTheDelayAfterItsEnd() =>
        Assert.Equal(new DateTime(2028, 5, 31, 18, 0, 0), FeedbackRules.RequestDueLocal(Day, new(13, 0), new(16, 0), WorkshopStatus.Open, TwoHours));

    [Theory]
    [InlineData(null)]
    [InlineData(13)]
    public void AnAllDayOrStartOnlyWorkshopIsAskedAboutTheDelayAfterItsDayEnds(int? startHour) =>
        Assert.Equal(new DateTime(2028, 6, 1, 2, 0, 0),
            FeedbackRules.RequestDueLocal(Day, startHour is { } h ? new TimeOnly(h, 0) : null, null, WorkshopStatus.Closed, TwoHours));

    [Fact]
    public void ACancelledWorkshopOrOneWithoutADateIsNeverAskedAboutAutomatically()
    {
        Assert.Null(FeedbackRules.RequestDueLocal(Day, new(13, 0), new(16, 0), WorkshopStatus.Cancelled, TwoHours));
        Assert.Null(FeedbackRules.RequestDueLocal(null, new(13, 0), new(16, 0), WorkshopStatus.Open, TwoHours));
    }

    [Theory]
    [InlineData(RegistrationStatus.Confirmed, false, true)]
    [InlineData(RegistrationStatus.Waitlisted, false, false)]
    [InlineData(RegistrationStatus.Waitlisted, true, true)]
    [InlineData(RegistrationStatus.Cancelled, true, false)]
    public void ConfirmedAndCheckedInPeopleAreAskedWaitingAndCancelledAreNot(RegistrationStatus status, bool checkedIn, bool asked) =>
        Assert.Equal(asked, FeedbackRules.IsParticipant(status, checkedIn));

    [Fact]
    public void ARequestIsMarkedOnceAndNeverForAnErasedPerson()
    {
        var person = new Registration { Status = RegistrationStatus.Confirmed };
        var now = new DateTime(2028, 5, 31, 15, 0, 0, DateTimeKind.Utc);

        Assert.True(person.MarkFeedbackRequested(now));
        Assert.False(person.MarkFeedbackRequested(now.AddHours(1)));
        Assert.Equal(now, person.FeedbackRequestedAtUtc);
        var erased = new Registration { Status = RegistrationStatus.Confirmed, ErasedAtUtc = now };
        Assert.False(erased.MarkFeedbackRequested(now));
    }

    [Fact]
    public void AnAnonymisedAnswerKeepsItsRatingsLosesItsTextsAndCannotBeEdited()
    {
        var answer = FeedbackAnswer.ForParticipant(new Registration { Id = 7 }, new FeedbackResponse(4, 5, " Hyvä ", "Lisää aikaa", ComeAgain.Yes), "fi", DateTime.UtcNow);
        Assert.Equal("Hyvä", answer.WhatWorked);

        answer.Anonymise(DateTime.UtcNow);

        Assert.Equal((null, 4, 5, null, null, ComeAgain.Yes), (answer.RegistrationId, answer.OverallRating, answer.MethodRating, answer.WhatWorked, answer.WhatToImprove, answer.WouldComeAgain));
        Assert.Throws<InvalidOperationException>(() => answer.Edit(new FeedbackResponse(1, 1, null, null, null), DateTime.UtcNow));
    }

    [Fact]
    public void ARatingOutsideOneToFiveIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeedbackAnswer.ForWalkIn(Guid.NewGuid(), new FeedbackResponse(6, 3, null, null, null), "fi", DateTime.UtcNow));
}
