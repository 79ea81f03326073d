using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain;

/// <summary>
/// Rules of <see cref="Workshop"/>, <see cref="Registration"/> and <see cref="RegistrationPolicy"/> that the Stryker run of
/// 7 Dec 2026 found untested (surviving or uncovered mutants, docs/design.md): the calendar SEQUENCE's rise, publishing
/// a draft, counted seats, walk-in visitors, answers, self check-in. Database-free (Kind=Rules).
/// </summary>
[Trait("Kind", "Rules")]
public sealed class EntityRuleEdgeTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static WorkshopDetails Details(WorkshopFormat format = WorkshopFormat.InPerson, int? capacity = 10, bool registrationRequired = true) => new(
        "w",
        new LocalizedText { Fi = "Otsikko" },
        new LocalizedText { Fi = "Kuvaus" },
        new DateOnly(2028, 5, 31),
        new TimeOnly(9, 0),
        new TimeOnly(12, 0),
        format,
        Audience.OpenToAll,
        "Rauma",
        null,
        capacity,
        RegistrationDeadline: null,
        registrationRequired);

    private static Registration Person(Workshop workshop, RegistrationStatus status = RegistrationStatus.Confirmed) =>
        Registration.Create(workshop, new RegistrationRequest("Aino", "aino@example.fi", null, HelixGroup.Citizen, null, "fi"), status, Now);

    [Theory]
    [InlineData(0, 0, false, 0)]
    [InlineData(3, 0, false, 3)]
    [InlineData(3, 1, false, 5)]
    [InlineData(3, 2, true, 8)]
    public void APersonsCalendarSequenceIsTheWorkshopsPlusTwoARoundPlusOneForTheirOwnCancel(int workshopSequence, int round, bool personalCancel, int expected) =>
        Assert.Equal(expected, RegistrationRules.CalendarSequence(workshopSequence, round, personalCancel));

    [Fact]
    public void ALaterRoundNeverLowersTheSequenceEvenAfterAPersonalCancel()
    {
        // RFC 5545 3.8.7.4: an update with a lower or equal SEQUENCE is ignored; each round re-invites after a cancel.
        var cancelledInRoundZero = RegistrationRules.CalendarSequence(4, 0, personalCancel: true);
        var invitedInRoundOne = RegistrationRules.CalendarSequence(4, 1, personalCancel: false);
        Assert.True(invitedInRoundOne > cancelledInRoundZero);
    }

    [Fact]
    public void OnlyANonCancelledDraftCanBePublishedAndPublishingTwiceChangesNothing()
    {
        var draft = Workshop.CreateDraft(Guid.NewGuid(), Details(), Now);
        Assert.True(draft.CanBePublished);
        Assert.True(draft.Publish(Now));
        Assert.False(draft.CanBePublished);
        Assert.False(draft.Publish(Now.AddHours(1)));
        Assert.Equal(Now, draft.PublishedAtUtc);

        var cancelledDraft = Workshop.CreateDraft(Guid.NewGuid(), Details(), Now);
        cancelledDraft.Cancel(Now);
        Assert.False(cancelledDraft.CanBePublished);
        Assert.Throws<InvalidOperationException>(() => cancelledDraft.Publish(Now));
        Assert.True(cancelledDraft.IsDraft);
    }

    [Theory]
    [InlineData(WorkshopFormat.InPerson, 10, true, true)]
    [InlineData(WorkshopFormat.InPerson, null, true, false)]
    [InlineData(WorkshopFormat.WalkIn, 10, true, false)]
    [InlineData(WorkshopFormat.InPerson, 10, false, false)]
    public void SeatsAreCountedOnlyWithACapacityAndRegistration(WorkshopFormat format, int? capacity, bool registrationRequired, bool expected) =>
        Assert.Equal(expected, Workshop.Create(Guid.NewGuid(), Details(format, capacity, registrationRequired), Now).HasSeatLimit);

    [Fact]
    public void AWalkInEventCountsEachVisitorAndAWorkshopWithRegistrationRefuses()
    {
        var cafe = Workshop.Create(Guid.NewGuid(), Details(WorkshopFormat.WalkIn, capacity: null), Now);
        cafe.CountVisitor();
        cafe.CountVisitor();
        Assert.Equal(2, cafe.HeadCount);
        Assert.Equal(Now, cafe.UpdatedAtUtc);

        var rauma = Workshop.Create(Guid.NewGuid(), Details(), Now);
        Assert.Throws<InvalidOperationException>(rauma.CountVisitor);
        Assert.Null(rauma.HeadCount);
    }

    [Fact]
    public void SwitchingRemindersOffIsASettingsChangeThatSticks()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);
        Assert.True(workshop.Reminders.Enabled);

        Assert.True(workshop.ChangeSettings(Details() with { RemindersEnabled = false }, Now.AddHours(1)));
        Assert.False(workshop.Reminders.Enabled);
        Assert.False(workshop.ChangeSettings(Details() with { RemindersEnabled = false }, Now.AddHours(2)));
        Assert.True(workshop.ChangeSettings(Details(), Now.AddHours(3)));
        Assert.True(workshop.Reminders.Enabled);
    }

    [Fact]
    public void MovingSomeoneFromTheWaitingListNeverRemindsAnAddressAlreadyRegistered() =>
        Assert.False(RegistrationPolicy.FreedSeat.RemindsExisting);

    [Fact]
    public void AnswersAreRecordedOnlyForTheQuestionsOnTheFormAndCorrectionsRefuseACancelledOrErasedPerson()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);
        var asked = WorkshopQuestion.Create(workshop.Id, 1, new QuestionDraft(QuestionKind.ShortText, new LocalizedText { Fi = "Mistä kuulit?" }, new LocalizedText(), false, []));
        asked.Id = 1;
        var other = WorkshopQuestion.Create(workshop.Id, 2, new QuestionDraft(QuestionKind.ShortText, new LocalizedText { Fi = "Toinen" }, new LocalizedText(), false, []));
        other.Id = 2;
        var unanswered = WorkshopQuestion.Create(workshop.Id, 3, new QuestionDraft(QuestionKind.ShortText, new LocalizedText { Fi = "Ohitettu" }, new LocalizedText(), false, []));
        unanswered.Id = 3;
        var person = Person(workshop);

        person.RecordAnswers([asked, other, unanswered], [new AnswerRequest(2, ["Toinen vastaus"]), new AnswerRequest(1, ["Lehdestä"]), new AnswerRequest(9, ["ei kysytty"])]);

        Assert.Equal(["Lehdestä", "Toinen vastaus"], person.Answers.OrderBy(a => a.QuestionId).Select(a => a.Text));
        Assert.True(person.CorrectAnswers([asked, other], [new AnswerRequest(1, ["Somesta"]), new AnswerRequest(2, ["Toinen vastaus"])]));
        Assert.False(person.CorrectAnswers([asked, other], [new AnswerRequest(1, ["Somesta"]), new AnswerRequest(2, ["Toinen vastaus"])]));

        var cancelled = Person(workshop);
        cancelled.Cancel(Now);
        Assert.Throws<InvalidOperationException>(() => cancelled.CorrectAnswers([asked], [new AnswerRequest(1, ["x"])]));
        var erased = Person(workshop);
        erased.Erase(Now);
        Assert.Throws<InvalidOperationException>(() => erased.CorrectAnswers([asked], [new AnswerRequest(1, ["x"])]));
    }

    [Theory]
    [InlineData(RegistrationStatus.Confirmed, true, true)]
    [InlineData(RegistrationStatus.Waitlisted, true, false)]
    [InlineData(RegistrationStatus.Confirmed, false, false)]
    public void OnlyAConfirmedPersonArrivingChecksInByThemselves(RegistrationStatus status, bool present, bool allowed)
    {
        var person = Person(Workshop.Create(Guid.NewGuid(), Details(), Now), status);

        if (allowed)
        {
            Assert.True(person.CheckIn(present, Now, self: true));
            Assert.Equal(Now, person.CheckedInAtUtc);
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => person.CheckIn(present, Now, self: true));
            Assert.Null(person.CheckedInAtUtc);
        }

        // An organiser at the door may mark anyone not cancelled, either way.
        Assert.Equal(!allowed, person.CheckIn(true, Now.AddMinutes(1)));
    }
}
