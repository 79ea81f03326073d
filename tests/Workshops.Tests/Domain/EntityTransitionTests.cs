// Over 300 lines on purpose: every entity's allowed and refused transitions side by side, database-free (Kind=Rules,
// the tests Stryker runs against the rule files).
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Accessibility;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain;

/// <summary>The transitions entities allow (and refuse), and the small rules they answer, without a database.</summary>
[Trait("Kind", "Rules")]
public sealed class EntityTransitionTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Now.AddHours(1);
    private const string Join = "https://meet.example.fi/j/1";

    private static WorkshopDetails Details(
        WorkshopFormat format = WorkshopFormat.InPerson, bool registrationRequired = true, int? capacity = 10, string? place = " Rauma ") => new(
        "w",
        new LocalizedText { Fi = "Otsikko" },
        new LocalizedText { Fi = "Kuvaus" },
        new DateOnly(2028, 5, 31),
        new TimeOnly(9, 0),
        new TimeOnly(12, 0),
        format,
        Audience.OpenToAll,
        place,
        Join,
        capacity,
        RegistrationDeadline: null,
        registrationRequired);

    private static RegistrationRequest Request(string? needs = " Pyörätuoli ") =>
        new(" Aino ", " AINO@Example.fi ", "  ", HelixGroup.Citizen, needs, "fi");

    [Fact]
    public void ANewWorkshopIsOpenAtSequenceZeroWithWhatTheOrganiserTyped()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);

        Assert.Equal(0, workshop.Sequence);
        Assert.Equal(WorkshopStatus.Open, workshop.Status);
        Assert.Equal("Rauma", workshop.Place);
        Assert.Equal(10, workshop.Capacity);
        Assert.Equal(Now, workshop.CreatedAtUtc);
        Assert.Equal(Now, workshop.UpdatedAtUtc);
        Assert.Equal("Otsikko", workshop.Title.Fi);
    }

    [Fact]
    public void AWorkshopCannotEndBeforeItStartsOrHoldFewerThanNoSeats()
    {
        Assert.Throws<ArgumentException>(() => Workshop.Create(Guid.NewGuid(), Details() with { EndTime = new TimeOnly(8, 0) }, Now));
        Assert.Throws<ArgumentException>(() => Workshop.Create(Guid.NewGuid(), Details(capacity: -1), Now));
    }

    [Theory]
    [InlineData(WorkshopFormat.InPerson, true, false)]
    [InlineData(WorkshopFormat.Online, true, false)]
    [InlineData(WorkshopFormat.InPerson, false, true)]
    [InlineData(WorkshopFormat.Online, false, true)]
    [InlineData(WorkshopFormat.WalkIn, false, true)]
    [InlineData(WorkshopFormat.WalkIn, true, true)]
    public void AnEventIsWalkInByFormatOrWhenTheOrganiserUntickedRegistrationRequired(WorkshopFormat format, bool required, bool walkIn)
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(format, required, capacity: 1), Now);

        Assert.Equal(walkIn, workshop.IsWalkIn);
        // A walk-in event never turns anyone away, whatever the capacity says.
        Assert.Equal(walkIn ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted, RegistrationRules.StatusForNewcomer(workshop, 1));
    }

    [Fact]
    public void AWorkshopMayHaveNoSeatsAtAll()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(capacity: 0), Now);

        Assert.Equal(0, workshop.Capacity);
        Assert.Equal(RegistrationStatus.Waitlisted, RegistrationRules.StatusForNewcomer(workshop, 0));
    }

    [Fact]
    public void AnAllDayWorkshopStartsAtMidnightLocalTime()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details() with { StartTime = null, EndTime = null }, Now);

        Assert.Null(workshop.StartTime);
        Assert.Equal(new DateTime(2028, 5, 31, 0, 0, 0), WorkshopLifecycle.LocalStartOf(workshop));
        Assert.Equal(new DateTime(2028, 6, 1, 0, 0, 0), WorkshopLifecycle.LocalEndOf(workshop));
    }

    [Theory]
    [InlineData("format")]
    [InlineData("audience")]
    [InlineData("capacity")]
    [InlineData("deadline")]
    [InlineData("required")]
    public void ChangingAnyOneSettingIsAChange(string which)
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);
        var changed = which switch
        {
            "format" => Details() with { Format = WorkshopFormat.Online },
            "audience" => Details() with { Audience = Audience.Citizens },
            "capacity" => Details(capacity: 11),
            "deadline" => Details() with { RegistrationDeadline = new DateTime(2028, 5, 1) },
            _ => Details(registrationRequired: false),
        };

        Assert.True(workshop.ChangeSettings(changed, Later));
        Assert.Equal(Later, workshop.UpdatedAtUtc);
    }

    [Fact]
    public void SettingsChangeWithoutRaisingTheCalendarSequence()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);

        Assert.True(workshop.ChangeSettings(Details(capacity: 20) with { RegistrationDeadline = new DateTime(2028, 5, 1) }, Later));
        Assert.False(workshop.ChangeSettings(Details(capacity: 20) with { RegistrationDeadline = new DateTime(2028, 5, 1) }, Later.AddDays(1)));

        Assert.Equal(20, workshop.Capacity);
        Assert.Equal(new DateTime(2028, 5, 1), workshop.RegistrationDeadline);
        Assert.Equal(0, workshop.Sequence);
        Assert.Equal(Later, workshop.UpdatedAtUtc);
    }

    [Theory]
    [InlineData(WorkshopFormat.Online, RegistrationStatus.Confirmed, Join)]
    [InlineData(WorkshopFormat.Online, RegistrationStatus.Waitlisted, null)]
    [InlineData(WorkshopFormat.Online, RegistrationStatus.Cancelled, null)]
    [InlineData(WorkshopFormat.InPerson, RegistrationStatus.Confirmed, null)]
    public void OnlyAConfirmedRegistrantOfAnOnlineWorkshopGetsTheJoinLink(WorkshopFormat format, RegistrationStatus status, string? expected) =>
        Assert.Equal(expected, Workshop.Create(Guid.NewGuid(), Details(format), Now).JoinUrlFor(status));

    [Fact]
    public void ThePlaceLineSaysOnlineForAnOnlineWorkshopAndElseThePlaceOrThatItIsNotYetKnown()
    {
        Assert.Equal("Verkossa", Workshop.Create(Guid.NewGuid(), Details(WorkshopFormat.Online), Now).PlaceOrOnline("fi", "Verkossa", "?"));
        Assert.Equal("Rauma", Workshop.Create(Guid.NewGuid(), Details(), Now).PlaceOrOnline("fi", "Verkossa", "?"));
        Assert.Equal("?", Workshop.Create(Guid.NewGuid(), Details(place: " "), Now).PlaceOrOnline("fi", "Verkossa", "?"));
        var rauma = Workshop.Create(Guid.NewGuid(), Details() with { PlaceSv = "Raumo" }, Now);
        Assert.Equal("Raumo", rauma.PlaceOrOnline("sv", "Online", "?"));
        Assert.Equal("Rauma", rauma.PlaceOrOnline("en", "Online", "?")); // no English name: the Finnish one
    }

    [Fact]
    public void OpeningAndClosingLeaveACancelledWorkshopCancelled()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);

        Assert.True(workshop.SetRegistrationOpen(false, Later));
        Assert.Equal(WorkshopStatus.Closed, workshop.Status);
        Assert.True(workshop.SetRegistrationOpen(true, Later));
        Assert.Equal(WorkshopStatus.Open, workshop.Status);
        workshop.Cancel(Later);
        Assert.False(workshop.SetRegistrationOpen(true, Later));
        Assert.Equal(WorkshopStatus.Cancelled, workshop.Status);
    }

    [Fact]
    public void AHeadCountCannotBeNegative()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(WorkshopFormat.WalkIn, false), Now);

        workshop.RecordHeadCount(12, Later);
        Assert.Equal(12, workshop.HeadCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => workshop.RecordHeadCount(-1, Later));
        Assert.Equal(12, workshop.HeadCount);
    }

    [Fact]
    public void ARegistrationKeepsWhatWasTypedTrimmedAndNeedsOnEveryFormat()
    {
        var inPerson = Registration.Create(Workshop.Create(Guid.NewGuid(), Details(), Now), Request(), RegistrationStatus.Confirmed, Now);
        var online = Registration.Create(Workshop.Create(Guid.NewGuid(), Details(WorkshopFormat.Online), Now), Request(), RegistrationStatus.Waitlisted, Now);

        var withOrganisation = Registration.Create(Workshop.Create(Guid.NewGuid(), Details(), Now), Request() with { Organisation = " Rauman kaupunki " }, RegistrationStatus.Confirmed, Now);
        var withoutOrganisation = Registration.Create(Workshop.Create(Guid.NewGuid(), Details(), Now), Request() with { Organisation = null }, RegistrationStatus.Confirmed, Now);

        Assert.Equal("Rauman kaupunki", withOrganisation.Organisation);
        Assert.Null(withoutOrganisation.Organisation);
        Assert.Equal("Aino", inPerson.Name);
        Assert.Equal("AINO@Example.fi", inPerson.Email);
        Assert.Equal("aino@example.fi", inPerson.EmailNormalized);
        Assert.Null(inPerson.Organisation);
        Assert.Equal("Pyörätuoli", inPerson.Needs);
        Assert.Equal(Now, inPerson.CreatedAtUtc);
        Assert.Equal(Now, inPerson.ConsentedAtUtc);
        Assert.Equal("Pyörätuoli", online.Needs); // issue 26: online workshops ask for needs too
        Assert.Equal(RegistrationStatus.Waitlisted, online.Status);
        Assert.Throws<ArgumentException>(() => Registration.Create(Workshop.Create(Guid.NewGuid(), Details(), Now), Request(), RegistrationStatus.Cancelled, Now));
    }

    [Fact]
    public void CancellingFreesASeatOnlyForAConfirmedRegistrationAndOnlyOnce()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);
        var confirmed = Registration.Create(workshop, Request(), RegistrationStatus.Confirmed, Now);
        var waiting = Registration.Create(workshop, Request(), RegistrationStatus.Waitlisted, Now);

        Assert.True(confirmed.Cancel(Later));
        Assert.False(waiting.Cancel(Later));
        Assert.Equal(RegistrationStatus.Cancelled, confirmed.Status);
        Assert.Equal(Later, confirmed.CancelledAtUtc);
        Assert.Throws<InvalidOperationException>(() => confirmed.Cancel(Later));
    }

    [Fact]
    public void OnlyAWaitingPersonCanBePromoted()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);
        var waiting = Registration.Create(workshop, Request(), RegistrationStatus.Waitlisted, Now);

        waiting.Promote();

        Assert.Equal(RegistrationStatus.Confirmed, waiting.Status);
        Assert.Throws<InvalidOperationException>(waiting.Promote);
    }

    [Fact]
    public void CheckingInTwiceChangesNothingAndACancelledPersonCannotBeCheckedIn()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);
        var person = Registration.Create(workshop, Request(), RegistrationStatus.Confirmed, Now);

        Assert.True(person.CheckIn(true, Later));
        Assert.False(person.CheckIn(true, Later.AddMinutes(1)));
        Assert.Equal(Later, person.CheckedInAtUtc);
        Assert.True(person.CheckIn(false, Later));
        Assert.Null(person.CheckedInAtUtc);
        Assert.False(person.CheckIn(false, Later));
        person.Cancel(Later);
        Assert.Throws<InvalidOperationException>(() => person.CheckIn(true, Later));
    }

    [Fact]
    public void ErasingReplacesThePersonalDetailsOnce()
    {
        var person = Registration.Create(Workshop.Create(Guid.NewGuid(), Details(), Now), Request(), RegistrationStatus.Confirmed, Now);
        person.Id = 7;

        Assert.True(person.Erase(Later));
        Assert.False(person.Erase(Later.AddDays(1)));

        Assert.Equal(PersonalData.ErasedName, person.Name);
        Assert.Equal("erased-7@invalid", person.Email);
        Assert.Equal(person.Email, person.EmailNormalized);
        Assert.Null(person.Needs);
        Assert.Equal(Later, person.ErasedAtUtc);
        Assert.Equal(RegistrationStatus.Confirmed, person.Status); // the counts stay right
    }

    [Theory]
    [InlineData(5, null, false)] // a double submit: the first email is still on its way
    [InlineData(30, null, true)]
    [InlineData(3600, 3600 - 60, false)] // reminded a minute ago
    [InlineData(3600, 3600 - (15 * 60), true)]
    public void ARepeatRegistrationRemindsUnlessItIsADoubleSubmitOrTooSoon(int secondsSinceRegistering, int? reminderSecondsAfterRegistering, bool expected)
    {
        var registered = Now;
        DateTime? reminded = reminderSecondsAfterRegistering is { } s ? registered.AddSeconds(s) : null;

        Assert.Equal(expected, RegistrationRules.DeservesReminder(registered, reminded, registered.AddSeconds(secondsSinceRegistering)));
    }

    [Fact]
    public void AnOrganiserMayRegisterSomeoneAfterTheDeadlineTheClosingAndTheStartButNotAfterTheEndOrForACancelledWorkshop()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details() with { RegistrationDeadline = new DateTime(2028, 5, 1) }, Now);
        workshop.SetRegistrationOpen(false, Now);
        var afterStart = new DateTime(2028, 5, 31, 10, 0, 0);

        Assert.Equal(ClosedReason.ClosedByOrganiser, RegistrationRules.WhyClosed(LocalLife.At(workshop, afterStart)));
        Assert.Equal(ClosedReason.None, RegistrationRules.WhyClosed(LocalLife.At(workshop, afterStart), RegistrationPolicy.Organiser));
        workshop.SetRegistrationOpen(true, Now);
        Assert.Equal(ClosedReason.DeadlinePassed, RegistrationRules.WhyClosed(LocalLife.At(workshop, afterStart)));
        Assert.Equal(ClosedReason.EventStarted, RegistrationRules.WhyClosed(LocalLife.At(workshop, afterStart), RegistrationPolicy.Public with { MayPassDeadline = true }));
        Assert.Equal(ClosedReason.EventEnded, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 5, 31, 12, 0, 0)), RegistrationPolicy.Organiser));
        workshop.Cancel(Now);
        Assert.Equal(ClosedReason.Cancelled, RegistrationRules.WhyClosed(LocalLife.At(workshop, afterStart), RegistrationPolicy.Organiser));

        // Only the public form answers an address already registered by email (the visitor is not told on the page).
        Assert.True(RegistrationPolicy.Public.RemindsExisting);
        Assert.False(RegistrationPolicy.Organiser.RemindsExisting);
    }

    [Theory]
    [InlineData(3, 1, 2)]
    [InlineData(3, 3, 0)]
    [InlineData(3, 5, 0)] // an organiser lowered the capacity below the seats taken: no one is moved either way
    public void FreeSeatsAreFilledFromTheWaitingList(int capacity, int confirmed, int expected) =>
        Assert.Equal(expected, RegistrationRules.SeatsToFillFromWaitingList(LocalLife.At(Workshop.Create(Guid.NewGuid(), Details(capacity: capacity), Now), BeforeStart), confirmed));

    [Fact]
    public void AWalkInOrUnlimitedWorkshopTakesEveryoneWaiting()
    {
        Assert.Equal(int.MaxValue, RegistrationRules.SeatsToFillFromWaitingList(LocalLife.At(Workshop.Create(Guid.NewGuid(), Details(capacity: null), Now), BeforeStart), 50));
        Assert.Equal(int.MaxValue, RegistrationRules.SeatsToFillFromWaitingList(LocalLife.At(Workshop.Create(Guid.NewGuid(), Details(WorkshopFormat.InPerson, registrationRequired: false, capacity: 1), Now), BeforeStart), 50));
    }

    [Fact]
    public void NoOneIsMovedFromTheWaitingListOnceTheWorkshopIsCancelledOrHasStarted()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(capacity: 3) with { RegistrationDeadline = new DateTime(2028, 5, 1) }, Now);
        workshop.SetRegistrationOpen(false, Now);

        // Closed by the organiser or past the deadline, a freed seat still goes to the next in line.
        Assert.Equal(3, RegistrationRules.SeatsToFillFromWaitingList(LocalLife.At(workshop, BeforeStart), 0));
        Assert.Equal(0, RegistrationRules.SeatsToFillFromWaitingList(LocalLife.At(workshop, new DateTime(2028, 5, 31, 9, 0, 0)), 0));
        workshop.Cancel(Now);
        Assert.Equal(0, RegistrationRules.SeatsToFillFromWaitingList(LocalLife.At(workshop, BeforeStart), 0));
    }

    private static readonly DateTime BeforeStart = new(2028, 5, 20, 12, 0, 0);

    [Fact]
    public void CorrectingDetailsChangesOnlyWhatThePersonMayCorrectAndSaysWhetherAnythingChanged()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);
        var registration = Registration.Create(workshop, Request(), RegistrationStatus.Waitlisted, Now, calendarRound: 1);

        Assert.False(registration.CorrectDetails(new RegistrantDetails(" Aino ", " ", HelixGroup.Citizen, "Pyörätuoli ")));
        Assert.True(registration.CorrectDetails(new RegistrantDetails(" Aino A\u0308ijälä ", " Rauma ", HelixGroup.Other, " ")));

        Assert.Equal(("Aino Äijälä", "Rauma", HelixGroup.Other, (string?)null), (registration.Name, registration.Organisation, registration.Group, registration.Needs));
        Assert.Equal((RegistrationStatus.Waitlisted, Now, 1, "AINO@Example.fi", "fi"),
            (registration.Status, registration.CreatedAtUtc, registration.CalendarRound, registration.Email, registration.Language));
    }

    [Fact]
    public void TickedNeedsAreCorrectedLikeTheRestAndErasedWithThem()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);
        var registration = Registration.Create(workshop, Request() with { AccessNeeds = AccessNeeds.Captions }, RegistrationStatus.Confirmed, Now);
        var same = new RegistrantDetails(registration.Name, registration.Organisation, registration.Group, registration.Needs, AccessNeeds.Captions);

        Assert.False(registration.CorrectDetails(same));
        Assert.True(registration.CorrectDetails(same with { AccessNeeds = AccessNeeds.Captions | AccessNeeds.Assistant }));
        Assert.Equal(AccessNeeds.Captions | AccessNeeds.Assistant, registration.AccessNeeds);

        registration.Erase(Now);
        Assert.Equal(AccessNeeds.None, registration.AccessNeeds);
    }

    [Fact]
    public void ACancelledOrErasedRegistrationCannotBeCorrected()
    {
        var workshop = Workshop.Create(Guid.NewGuid(), Details(), Now);
        var cancelled = Registration.Create(workshop, Request(), RegistrationStatus.Confirmed, Now);
        cancelled.Cancel(Later);
        var erased = Registration.Create(workshop, Request(), RegistrationStatus.Confirmed, Now);
        erased.Erase(Later);
        var details = new RegistrantDetails("Someone", null, HelixGroup.Other, null);

        Assert.Throws<InvalidOperationException>(() => cancelled.CorrectDetails(details));
        Assert.Throws<InvalidOperationException>(() => erased.CorrectDetails(details));
        Assert.Equal("Aino", cancelled.Name);
    }
}
