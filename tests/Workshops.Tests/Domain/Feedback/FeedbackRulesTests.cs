using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Feedback;

/// <summary>Who is asked for feedback and may give it, and when the walk-in page takes answers: the rules without a database.</summary>
[Trait("Kind", "Rules")]
public sealed class FeedbackRulesTests
{
    private static readonly DateOnly Day = new(2028, 5, 31);
    private static readonly DateTime Published = new(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A published workshop on <see cref="Day"/>; walk-in unless told otherwise.</summary>
    private static Workshop Workshop(bool walkIn = true, TimeOnly? start = null, TimeOnly? end = null)
    {
        var workshop = new Workshop
        {
            Slug = "w",
            Date = Day,
            StartTime = start,
            EndTime = end,
            Format = walkIn ? WorkshopFormat.WalkIn : WorkshopFormat.InPerson,
            RegistrationRequired = !walkIn,
        };
        workshop.Publish(Published);
        return workshop;
    }

    [Theory]
    [InlineData(RegistrationStatus.Confirmed, false, false, true)]
    [InlineData(RegistrationStatus.Waitlisted, false, false, false)]
    [InlineData(RegistrationStatus.Cancelled, false, false, false)]
    [InlineData(RegistrationStatus.Confirmed, false, true, false)] // check-in was used and this person was not marked
    [InlineData(RegistrationStatus.Confirmed, true, true, true)]
    [InlineData(RegistrationStatus.Waitlisted, true, true, true)] // came from the waiting list anyway
    [InlineData(RegistrationStatus.Cancelled, true, true, false)]
    public void ThoseCheckedInAttendedWhereCheckInWasUsedAndTheConfirmedOtherwise(RegistrationStatus status, bool checkedIn, bool checkInUsed, bool attended) =>
        Assert.Equal(attended, FeedbackRules.Attended(status, checkedIn, checkInUsed));

    [Fact]
    public void ARequestIsMarkedOnceOnlyForSomeoneWhoAttendedAndNeverForAnErasedPerson()
    {
        var person = new Registration { Status = RegistrationStatus.Confirmed };
        var now = new DateTime(2028, 5, 31, 15, 0, 0, DateTimeKind.Utc);

        Assert.False(person.MarkFeedbackRequested(now, checkInUsed: true)); // not checked in where others were
        Assert.True(person.MarkFeedbackRequested(now, checkInUsed: false));
        Assert.False(person.MarkFeedbackRequested(now.AddHours(1), checkInUsed: false));
        Assert.Equal(now, person.FeedbackRequestedAtUtc);
        var erased = new Registration { Status = RegistrationStatus.Confirmed, ErasedAtUtc = now };
        Assert.False(erased.MarkFeedbackRequested(now, checkInUsed: false));
    }

    [Fact]
    public void TheWalkInPageOpensAtTheStartOfTheWorkshopsDayNotTheDayBefore()
    {
        var timed = Workshop(start: new TimeOnly(13, 0), end: new TimeOnly(16, 0));

        Assert.Equal(WalkInFeedback.NotYet, FeedbackRules.WalkInState(LocalLife.At(timed, new DateTime(2028, 5, 30, 23, 59, 59))));
        Assert.Equal(WalkInFeedback.Open, FeedbackRules.WalkInState(LocalLife.At(timed, new DateTime(2028, 5, 31, 0, 0, 0))));
        Assert.Equal(WalkInFeedback.Open, FeedbackRules.WalkInState(LocalLife.At(timed, new DateTime(2028, 6, 7, 12, 0, 0)))); // and stays open after
    }

    [Fact]
    public void TheWalkInPageIsClosedOnceTheOrganiserClosesFeedbackAndOpenAgainWhenReopened()
    {
        var workshop = Workshop();
        var onTheDay = new DateTime(2028, 5, 31, 12, 0, 0);
        Assert.Equal(WalkInFeedback.Open, FeedbackRules.WalkInState(LocalLife.At(workshop, onTheDay)));

        workshop.SetFeedbackOpen(false, Published);
        Assert.Equal(WalkInFeedback.Closed, FeedbackRules.WalkInState(LocalLife.At(workshop, onTheDay)));
        Assert.Equal(WalkInFeedback.Closed, FeedbackRules.WalkInState(LocalLife.At(workshop, onTheDay.AddDays(-3))));
        workshop.SetFeedbackOpen(true, Published);
        Assert.Equal(WalkInFeedback.Open, FeedbackRules.WalkInState(LocalLife.At(workshop, onTheDay)));
    }

    [Fact]
    public void OnlyAPublishedWalkInWorkshopNotCancelledOffersTheWalkInPage()
    {
        var onTheDay = new DateTime(2028, 5, 31, 12, 0, 0);
        var cancelled = Workshop();
        cancelled.Cancel(Published);
        var draft = new Workshop { Slug = "d", Date = Day, Format = WorkshopFormat.WalkIn };

        Assert.Equal(WalkInFeedback.NotOffered, FeedbackRules.WalkInState(LocalLife.At(Workshop(walkIn: false), onTheDay)));
        Assert.Equal(WalkInFeedback.NotOffered, FeedbackRules.WalkInState(LocalLife.At(cancelled, onTheDay)));
        Assert.Equal(WalkInFeedback.NotOffered, FeedbackRules.WalkInState(LocalLife.At(draft, onTheDay)));
    }

    [Fact]
    public void AParticipantAnswersOnlyAfterTheEndHavingAttendedAndBeenAskedWhileFeedbackIsOpen()
    {
        var workshop = Workshop(walkIn: false, start: new TimeOnly(13, 0), end: new TimeOnly(16, 0));
        var asked = new Registration { Status = RegistrationStatus.Confirmed, FeedbackRequestedAtUtc = Published };
        var notAsked = new Registration { Status = RegistrationStatus.Confirmed };
        var during = LocalLife.At(workshop, new DateTime(2028, 5, 31, 15, 59, 0));
        var after = LocalLife.At(workshop, new DateTime(2028, 5, 31, 16, 0, 0));

        Assert.Equal(FeedbackSaveOutcome.NotYet, FeedbackRules.ParticipantRefusal(during, asked, checkInUsed: false));
        Assert.Null(FeedbackRules.ParticipantRefusal(after, asked, checkInUsed: false));
        Assert.Equal(FeedbackSaveOutcome.NotAllowed, FeedbackRules.ParticipantRefusal(after, asked, checkInUsed: true)); // a no-show
        Assert.Equal(FeedbackSaveOutcome.NotYet, FeedbackRules.ParticipantRefusal(after, notAsked, checkInUsed: false));
        workshop.SetFeedbackOpen(false, Published);
        Assert.Equal(FeedbackSaveOutcome.Closed, FeedbackRules.ParticipantRefusal(LocalLife.At(workshop, new DateTime(2028, 5, 31, 16, 0, 0)), asked, checkInUsed: false));
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
