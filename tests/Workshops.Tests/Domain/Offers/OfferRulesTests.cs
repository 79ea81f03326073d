using Workshops.Web.Domain;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Offers;

/// <summary>When an offer of a freed seat ends (<see cref="OfferRules"/>), and what an offer may do (<see cref="SeatOffer"/>).</summary>
[Trait("Kind", "Rules")]
public sealed class OfferRulesTests
{
    private static readonly DateOnly EventDay = new(2028, 5, 31);

    /// <summary>10.00 Helsinki summer time on the event day.</summary>
    private static readonly DateTime StartUtc = new(2028, 5, 31, 7, 0, 0, DateTimeKind.Utc);

    private static Workshop Workshop(bool offers = true, int hours = 24, int? capacity = 10, TimeOnly? start = null, DateTime? deadline = null,
        WorkshopFormat format = WorkshopFormat.InPerson) =>
        Web.Domain.Workshops.Workshop.Create(Guid.NewGuid(), new WorkshopDetails(
            "w", new LocalizedText { Fi = "W" }, new LocalizedText { Fi = "W" }, EventDay, start ?? new TimeOnly(10, 0), null, format, Audience.OpenToAll,
            "Rauma", null, capacity, deadline, format != WorkshopFormat.WalkIn, Offers: new OfferSettings { Enabled = offers, Hours = hours }),
            new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void WithOffersOffTheFirstPersonWaitingIsConfirmedAtOnce() =>
        Assert.Null(OfferRules.Deadline(Workshop(offers: false), StartUtc.AddDays(-10)));

    [Fact]
    public void AnOfferLastsTheChosenHoursCutToTheWholeMinute()
    {
        var now = new DateTime(2028, 5, 20, 12, 0, 30, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2028, 5, 21, 12, 0, 0), OfferRules.Deadline(Workshop(hours: 24), now));
        Assert.Equal(new DateTime(2028, 5, 20, 18, 0, 0), OfferRules.Deadline(Workshop(hours: 6), now));
    }

    [Fact]
    public void TheWindowShrinksAsTheWorkshopNearsAndNeverPassesTheStart()
    {
        Assert.Equal(StartUtc, OfferRules.Deadline(Workshop(hours: 24), StartUtc.AddHours(-5)));
        Assert.Equal(StartUtc, OfferRules.Deadline(Workshop(hours: 168), StartUtc.AddDays(-3)));
    }

    [Fact]
    public void TheWindowNeverPassesTheRegistrationDeadline()
    {
        // 30.5. 16.00 Helsinki summer time = 13.00 UTC.
        var workshop = Workshop(hours: 24, deadline: new DateTime(2028, 5, 30, 16, 0, 0));

        Assert.Equal(new DateTime(2028, 5, 30, 13, 0, 0), OfferRules.Deadline(workshop, new DateTime(2028, 5, 30, 6, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void WithLessThanAnHourLeftTheSeatIsConfirmedAtOnce()
    {
        Assert.Equal(TimeSpan.FromHours(1), OfferRules.MinimumWindow);
        Assert.Equal(StartUtc, OfferRules.Deadline(Workshop(), StartUtc.AddHours(-1)));
        Assert.Null(OfferRules.Deadline(Workshop(), StartUtc.AddMinutes(-59)));
        // After the registration deadline (a freed seat still goes to the waiting list) there is no time left at all.
        Assert.Null(OfferRules.Deadline(Workshop(deadline: new DateTime(2028, 5, 29, 12, 0, 0)), new DateTime(2028, 5, 30, 6, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void WithoutASeatLimitNothingIsEverOffered()
    {
        Assert.Null(OfferRules.Deadline(Workshop(capacity: null), StartUtc.AddDays(-10)));
        Assert.Null(OfferRules.Deadline(Workshop(format: WorkshopFormat.WalkIn), StartUtc.AddDays(-10)));
    }

    [Fact]
    public void AnAllDayWorkshopsOffersEndAtTheStartOfItsDay()
    {
        var allDay = Workshop();
        allDay.ChangeSchedule(EventDay, null, null, "Rauma", null, DateTime.UtcNow);

        // 31.5. 00.00 Helsinki summer time = 30.5. 21.00 UTC.
        Assert.Equal(new DateTime(2028, 5, 30, 21, 0, 0), OfferRules.Deadline(allDay, new DateTime(2028, 5, 30, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void AnExtensionCountsFromTheCurrentDeadlineAndStopsAtTheStart()
    {
        var workshop = Workshop();
        var now = StartUtc.AddDays(-3);
        var current = now.AddHours(20);

        Assert.Equal(current.AddHours(24), OfferRules.ExtendedDeadline(workshop, current, 24, now));
        Assert.Equal(StartUtc, OfferRules.ExtendedDeadline(workshop, StartUtc.AddHours(-2), 24, now));
        Assert.Null(OfferRules.ExtendedDeadline(workshop, StartUtc, 24, now));
        Assert.Throws<ArgumentOutOfRangeException>(() => OfferRules.ExtendedDeadline(workshop, current, 0, now));
        Assert.Throws<ArgumentOutOfRangeException>(() => OfferRules.ExtendedDeadline(workshop, current, OfferSettings.MaxHours + 1, now));
    }

    [Fact]
    public void AnOfferIsAcceptedOnlyWhileOpenAndInTimeAndEndsOnce()
    {
        var now = StartUtc.AddDays(-5);
        var offer = SeatOffer.Make(Waiting(), now, now.AddHours(24));
        Assert.True(offer.IsOpen);
        Assert.False(offer.IsDue(now.AddHours(24).AddTicks(-1)));
        Assert.True(offer.IsDue(now.AddHours(24)));

        Assert.Throws<InvalidOperationException>(() => offer.Accept(now.AddHours(24)));
        Assert.Throws<InvalidOperationException>(() => offer.Expire(now.AddHours(23)));
        offer.Expire(now.AddHours(24));
        Assert.Equal(OfferState.Expired, offer.State);
        Assert.Throws<InvalidOperationException>(() => offer.Decline(now.AddHours(25)));
        Assert.Throws<InvalidOperationException>(() => offer.Extend(now.AddHours(48)));
    }

    [Fact]
    public void AnOfferGoesOnlyToSomeoneWaitingAndAnExtensionOnlyMovesItLater()
    {
        var now = StartUtc.AddDays(-5);
        var confirmed = Waiting();
        confirmed.Promote();
        Assert.Throws<InvalidOperationException>(() => SeatOffer.Make(confirmed, now, now.AddHours(1)));
        Assert.Throws<ArgumentException>(() => SeatOffer.Make(Waiting(), now, now));

        var offer = SeatOffer.Make(Waiting(), now, now.AddHours(24));
        Assert.Throws<InvalidOperationException>(() => offer.Extend(now.AddHours(24)));
        offer.Extend(now.AddHours(30));
        offer.Accept(now.AddHours(29));
        Assert.Equal((OfferState.Accepted, now.AddHours(29)), (offer.State, offer.EndedAtUtc));
    }

    [Fact]
    public void AddAnywayConfirmsOverAFullWorkshopAndSaysSo()
    {
        var workshop = Workshop(capacity: 2);

        Assert.Equal((RegistrationStatus.Waitlisted, false), RegistrationRules.SeatFor(workshop, 2, RegistrationPolicy.Organiser));
        Assert.Equal((RegistrationStatus.Confirmed, true), RegistrationRules.SeatFor(workshop, 2, RegistrationPolicy.OrganiserOverCapacity));
        Assert.Equal((RegistrationStatus.Confirmed, false), RegistrationRules.SeatFor(workshop, 1, RegistrationPolicy.OrganiserOverCapacity));
        Assert.Equal((RegistrationStatus.Waitlisted, false), RegistrationRules.SeatFor(workshop, 2, RegistrationPolicy.Public));
    }

    private static Registration Waiting() =>
        Registration.Create(Workshop(), new RegistrationRequest("Bertil", "bertil@example.fi", null, HelixGroup.Citizen, null, "fi"),
            RegistrationStatus.Waitlisted, StartUtc.AddDays(-20));
}
