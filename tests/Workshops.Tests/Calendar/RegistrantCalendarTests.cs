using Workshops.Web.Domain;

namespace Workshops.Tests.Calendar;

/// <summary>The registrant's own entry for emails (METHOD:REQUEST / CANCEL).</summary>
[Trait("Kind", "Rules")]
public sealed class RegistrantCalendarTests
{
    private const string Uid = "6d1f7a4e-1c2b-4f51-9a57-3b1f0f6c2a01@workshops.test";

    [Fact]
    public void RegistrantsOwnEntryCarriesTheJoinLink()
    {
        const string join = "https://meet.example.fi/j/secret-123";
        var workshop = Ics.Workshop(format: WorkshopFormat.Online, place: null, joinUrl: join);

        var entry = Ics.Parse(Ics.Service().ForRegistrant(workshop, "en", "aino@example.fi", "Aino", cancel: false)).Events.Single();

        Assert.Equal($"Online: {join}", entry.Location);
        Assert.Contains($"Link to join: {join}", entry.Description); // the site's own wording (SharedResource.en.resx)
    }

    [Fact]
    public void RegistrantGetsARequestFromANoReplyOrganiserThatAsksForNoReply()
    {
        var text = Ics.Service().ForRegistrant(Ics.Workshop(start: new(9, 0)), "fi", "aino@example.fi", "Aino \"A\", Ääkkönen", cancel: false);

        var calendar = Ics.Parse(text);
        Assert.Equal("REQUEST", calendar.Method);
        var entry = calendar.Events.Single();
        Assert.Equal(Uid, entry.Uid);
        Assert.Equal(0, entry.Sequence);
        Assert.Equal("CONFIRMED", entry.Status);
        Assert.Equal("mailto:no-reply@workshops.test", entry.Organizer!.Value!.OriginalString);
        var attendee = Assert.Single(entry.Attendees);
        Assert.Equal("mailto:aino@example.fi", attendee.Value!.OriginalString);
        Assert.Equal("Aino 'A', Ääkkönen", attendee.CommonName);
        Assert.False(attendee.Rsvp);
        Assert.Equal("ACCEPTED", attendee.ParticipationStatus);
        Assert.Contains("RSVP=FALSE", Ics.Property(text, "ATTENDEE"));
    }

    [Fact]
    public void ConfiguredOrganiserAddressIsUsed()
    {
        var text = Ics.Service(organizerEmail: "ilmoittautumiset@example.fi").ForRegistrant(Ics.Workshop(), "fi", "aino@example.fi", "Aino", cancel: false);

        Assert.Equal("mailto:ilmoittautumiset@example.fi", Ics.Parse(text).Events.Single().Organizer!.Value!.OriginalString);
    }

    [Fact]
    public void PersonalCancellationRemovesTheSameEntryWithAHigherSequence()
    {
        var service = Ics.Service();
        var workshop = Ics.Workshop(start: new(9, 0));
        workshop.ChangeSchedule(workshop.Date, new(10, 0), null, "Pori", null, new DateTime(2027, 2, 1, 9, 0, 0, DateTimeKind.Utc));
        var update = Ics.Parse(service.ForRegistrant(workshop, "fi", "aino@example.fi", "Aino", cancel: false)).Events.Single();

        var calendar = Ics.Parse(service.ForRegistrant(workshop, "fi", "aino@example.fi", "Aino", cancel: true));

        Assert.Equal("CANCEL", calendar.Method);
        var entry = calendar.Events.Single();
        Assert.Equal(update.Uid, entry.Uid);
        Assert.Equal(update.Sequence + 1, entry.Sequence);
        Assert.Equal("CANCELLED", entry.Status);
        Assert.Equal("DECLINED", entry.Attendees.Single().ParticipationStatus);
    }

    [Fact]
    public void CancelledWorkshopReachesRegistrantsAsACancelAboveEveryEarlierUpdate()
    {
        var service = Ics.Service();
        var workshop = Ics.Workshop(start: new(9, 0));
        workshop.ChangeSchedule(workshop.Date, new(10, 0), null, "Pori", null, new DateTime(2027, 2, 1, 9, 0, 0, DateTimeKind.Utc));
        var lastUpdate = Ics.Parse(service.ForRegistrant(workshop, "fi", "aino@example.fi", "Aino", cancel: false)).Events.Single();

        workshop.Cancel(new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc));
        var calendar = Ics.Parse(service.ForRegistrant(workshop, "fi", "aino@example.fi", "Aino", cancel: false));

        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal(lastUpdate.Uid, calendar.Events.Single().Uid);
        Assert.True(calendar.Events.Single().Sequence > lastUpdate.Sequence);
        // The feed shows the same SEQUENCE for the cancelled workshop as the email did.
        Assert.Equal(calendar.Events.Single().Sequence, Ics.Parse(service.Publish([workshop], "fi")).Events.Single().Sequence);
    }
}
