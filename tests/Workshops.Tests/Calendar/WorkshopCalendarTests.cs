using System.Globalization;
using System.Text.RegularExpressions;
using Workshops.Web.Domain;

namespace Workshops.Tests.Calendar;

public sealed class WorkshopCalendarTests
{
    private const string Uid = "6d1f7a4e-1c2b-4f51-9a57-3b1f0f6c2a01@workshops.test";

    [Fact]
    public void PublishedFileCarriesEveryRequiredField()
    {
        var text = Ics.Service().Publish([Ics.Workshop(start: new(9, 0), end: new(12, 0))], "fi");

        var calendar = Ics.Parse(text);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("2.0", calendar.Version);
        Assert.StartsWith("-//", calendar.ProductId);
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(Uid, entry.Uid);
        Assert.Equal(0, entry.Sequence);
        Assert.Equal(new DateTime(2026, 11, 27, 10, 0, 0), entry.DtStamp!.AsUtc);
        Assert.Equal(new DateTime(2026, 11, 2, 8, 30, 15), entry.LastModified!.AsUtc);
        Assert.Equal("Yhdessä yksinäisyyttä vastaan", entry.Summary);
        Assert.Equal("Kuvaus suomeksi.\n\nhttps://workshops.test/workshops/rauma-yksinaisyys?culture=fi", entry.Description);
        Assert.Equal("Rauma", entry.Location);
        Assert.Equal(new Uri("https://workshops.test/workshops/rauma-yksinaisyys?culture=fi"), entry.Url);
        Assert.Equal("CONFIRMED", entry.Status);
        Assert.Null(entry.Organizer);
        Assert.Empty(entry.Attendees);
    }

    [Theory]
    [InlineData("sv", "Tillsammans mot ensamhet", "Beskrivning på svenska.")]
    [InlineData("en", "Together against loneliness", "Description in English.")]
    public void TextsAndLinkFollowTheRequestedLanguage(string language, string summary, string description)
    {
        var entry = Ics.Parse(Ics.Service().Publish([Ics.Workshop()], language)).Events.Single();

        Assert.Equal(summary, entry.Summary);
        Assert.StartsWith(description + "\n\n", entry.Description);
        Assert.Equal($"https://workshops.test/workshops/rauma-yksinaisyys?culture={language}", entry.Url!.AbsoluteUri);
    }

    [Fact]
    public void TimedEventIsHelsinkiWallClockWithAFullMatchingTimeZone()
    {
        var text = Ics.Service().Publish([Ics.Workshop(start: new(9, 0), end: new(12, 30))], "fi");

        Assert.Equal("DTSTART;TZID=Europe/Helsinki:20280531T090000", Ics.Property(text, "DTSTART"));
        Assert.Equal("DTEND;TZID=Europe/Helsinki:20280531T123000", Ics.Property(text, "DTEND"));
        var zone = Assert.Single(Ics.Parse(text).TimeZones);
        Assert.Equal("Europe/Helsinki", zone.TzId);
        Assert.Equal(["DAYLIGHT", "STANDARD"], zone.TimeZoneInfos.Select(i => i.Name).Order());
    }

    [Fact]
    public void NineOClockIsSevenUtcBeforeTheSpringDstChangeAndSixUtcAfter()
    {
        // EU summer time 2028 starts on Sunday 26 March at 03:00 local (EET +02:00 → EEST +03:00).
        var before = Ics.Workshop(date: new(2028, 3, 24), start: new(9, 0), end: new(11, 0));
        var after = Ics.Workshop(date: new(2028, 3, 28), start: new(9, 0), end: new(11, 0));
        after.Id = Guid.NewGuid();

        var text = Ics.Service().Publish([before, after], "fi");

        var events = Ics.Parse(text).Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal(new DateTime(2028, 3, 24, 7, 0, 0), events[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2028, 3, 28, 6, 0, 0), events[1].DtStart!.AsUtc);
        // The same from the file's own VTIMEZONE rules, read without Ical.Net: what a calendar client does.
        Assert.Equal(TimeSpan.FromHours(2), OffsetFromVTimeZone(text, new DateTime(2028, 3, 24, 9, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(3), OffsetFromVTimeZone(text, new DateTime(2028, 3, 28, 9, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(3), OffsetFromVTimeZone(text, new DateTime(2028, 10, 27, 9, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(2), OffsetFromVTimeZone(text, new DateTime(2028, 10, 30, 9, 0, 0)));
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("sv-FI")]
    [InlineData("en-GB")]
    public void FilesAreTheSameWhateverTheRequestsCulture(string culture)
    {
        // Finnish and Swedish write minus as U+2212; Ical.Net formats BYDAY=-1SU with the current culture.
        var workshop = Ics.Workshop(start: new(9, 0), end: new(12, 0));
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => Ics.Service().Publish([workshop], "fi"));

        var text = WithCulture(CultureInfo.GetCultureInfo(culture), () => Ics.Service().Publish([workshop], "fi"));

        Assert.Equal(invariant, text);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n", text);
        Assert.DoesNotContain('\u2212', text);
    }

    [Fact]
    public void AllDayEventIsADateWithAnExclusiveEndAndNeedsNoTimeZone()
    {
        var text = Ics.Service().Publish([Ics.Workshop(start: null)], "fi");

        Assert.Equal("DTSTART;VALUE=DATE:20280531", Ics.Property(text, "DTSTART"));
        Assert.Equal("DTEND;VALUE=DATE:20280601", Ics.Property(text, "DTEND"));
        var calendar = Ics.Parse(text);
        Assert.True(calendar.Events.Single().IsAllDay);
        Assert.Empty(calendar.TimeZones);
    }

    [Fact]
    public void TimedEventWithoutAnEndHasNoInventedEnd()
    {
        var text = Ics.Service().Publish([Ics.Workshop(start: new(13, 0))], "fi");

        Assert.Equal("DTSTART;TZID=Europe/Helsinki:20280531T130000", Ics.Property(text, "DTSTART"));
        Assert.Null(Ics.Property(text, "DTEND"));
        Assert.Null(Ics.Property(text, "DURATION"));
        Assert.Single(Ics.Parse(text).TimeZones);
    }

    [Fact]
    public void HostileOrganiserTextSurvivesARoundTripInShortLines()
    {
        var longLine = string.Concat(Enumerable.Repeat("Pitkä rivi ilman katkoa 🎉 漢字, ", 17))[..500];
        var title = "Työpaja, osa 1; \"lainaus\" \\ kenoviiva 🎉 漢字";
        var description = $"Ensimmäinen rivi, pilkku; puolipiste \\ kenoviiva\nToinen rivi 🎉\n\n{longLine}\nLoppu 漢字";
        var place = "Kokoustila 3, 2. krs; Rauma \\ Satakunta 🎉";
        var workshop = Ics.Workshop(start: new(9, 0), place: place);
        workshop.Title.Fi = title;
        workshop.Description.Fi = description.Replace("\n", "\r\n"); // as a browser textarea posts it

        var text = Ics.Service().Publish([workshop], "fi");

        var entry = Ics.Parse(text).Events.Single(); // also checks every line is at most 75 octets
        Assert.Equal(title, entry.Summary);
        Assert.Equal(description + "\n\nhttps://workshops.test/workshops/rauma-yksinaisyys?culture=fi", entry.Description);
        Assert.Equal(place, entry.Location);
        Assert.Contains(@"SUMMARY:Työpaja\, osa 1\; ""lainaus"" \\ kenoviiva", Ics.Unfold(text));
        Assert.Contains(@"LOCATION:Kokoustila 3\, 2. krs\; Rauma \\ Satakunta", Ics.Unfold(text));
        Assert.True(text.Split("\r\n").Length > 20, "the long description is folded over many lines");
    }

    [Fact]
    public void ControlCharactersInOrganiserTextAreDropped()
    {
        var workshop = Ics.Workshop();
        workshop.Title.Fi = "Otsikko\u0007 ja\u0000 loppu";

        var entry = Ics.Parse(Ics.Service().Publish([workshop], "fi")).Events.Single();

        Assert.Equal("Otsikko ja loppu", entry.Summary);
    }

    [Theory]
    [InlineData("fi", "Verkossa")]
    [InlineData("sv", "På nätet")]
    [InlineData("en", "Online")]
    public void OnlineWorkshopSaysOnlineAndPublicFilesNeverCarryTheJoinLink(string language, string online)
    {
        const string join = "https://meet.example.fi/j/secret-123";
        var workshop = Ics.Workshop(format: WorkshopFormat.Online, place: null, joinUrl: join);

        var text = Ics.Service().Publish([workshop], language);

        Assert.Equal(online, Ics.Parse(text).Events.Single().Location);
        Assert.DoesNotContain("secret-123", Ics.Unfold(text));
    }

    [Fact]
    public void RegistrantsOwnEntryCarriesTheJoinLink()
    {
        const string join = "https://meet.example.fi/j/secret-123";
        var workshop = Ics.Workshop(format: WorkshopFormat.Online, place: null, joinUrl: join);

        var entry = Ics.Parse(Ics.Service().ForRegistrant(workshop, "en", "aino@example.fi", "Aino", cancel: false)).Events.Single();

        Assert.Equal($"Online: {join}", entry.Location);
        Assert.Contains($"Join link: {join}", entry.Description);
    }

    [Fact]
    public void UnknownPlaceLeavesLocationOut()
    {
        var text = Ics.Service().Publish([Ics.Workshop(place: null, format: WorkshopFormat.ToBeAnnounced)], "fi");

        Assert.Null(Ics.Property(text, "LOCATION"));
    }

    [Fact]
    public void CancelledWorkshopStaysInPublicFilesMarkedCancelled()
    {
        var workshop = Ics.Workshop();
        workshop.Cancel(new DateTime(2027, 1, 5, 12, 0, 0, DateTimeKind.Utc));

        var entry = Ics.Parse(Ics.Service().Publish([workshop], "en")).Events.Single();

        Assert.Equal("CANCELLED", entry.Status);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(Uid, entry.Uid);
        Assert.Equal("CANCELLED: Together against loneliness", entry.Summary);
        Assert.Equal(new DateTime(2027, 1, 5, 12, 0, 0), entry.LastModified!.AsUtc);
    }

    [Fact]
    public void ChangedTimeIsPublishedAsTheSameEntryWithAHigherSequence()
    {
        var service = Ics.Service();
        var workshop = Ics.Workshop(start: new(9, 0), end: new(12, 0));
        var first = Ics.Parse(service.Publish([workshop], "fi")).Events.Single();

        workshop.ChangeSchedule(workshop.Date, new(10, 0), new(13, 0), "Rauma", null, new DateTime(2027, 2, 1, 9, 0, 0, DateTimeKind.Utc));
        var second = Ics.Parse(service.Publish([workshop], "fi")).Events.Single();

        Assert.Equal(first.Uid, second.Uid);
        Assert.True(second.Sequence > first.Sequence);
        Assert.Equal(new DateTime(2028, 5, 31, 7, 0, 0), second.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 2, 1, 9, 0, 0), second.LastModified!.AsUtc);
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

    [Fact]
    public void UidIsTheWorkshopIdAtTheSiteHostAndSurvivesARename()
    {
        var workshop = Ics.Workshop();
        var service = Ics.Service();
        var before = service.Uid(workshop);

        workshop.Slug = "uusi-nimi";
        workshop.ChangeTexts(new() { Fi = "Uusi nimi" }, workshop.Description, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(Uid, before);
        Assert.Equal(before, service.Uid(workshop));
        Assert.Equal(before, Ics.Parse(service.Publish([workshop], "fi")).Events.Single().Uid);
    }

    [Fact]
    public void FingerprintChangesWithTheDataAndTheLanguageOnly()
    {
        var service = Ics.Service();
        var workshop = Ics.Workshop();
        var fingerprint = service.Fingerprint([workshop], "fi");

        Assert.Equal(fingerprint, service.Fingerprint([Ics.Workshop()], "fi"));
        Assert.NotEqual(fingerprint, service.Fingerprint([workshop], "sv"));
        workshop.ChangeTexts(new() { Fi = "Uusi" }, workshop.Description, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.NotEqual(fingerprint, service.Fingerprint([workshop], "fi"));
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    /// <summary>
    /// The UTC offset at a local time according to the file's VTIMEZONE alone: each STANDARD/DAYLIGHT rule
    /// (yearly, last Sunday of BYMONTH at DTSTART's time) starts its TZOFFSETTO; the latest one before wins.
    /// </summary>
    private static TimeSpan OffsetFromVTimeZone(string text, DateTime local)
    {
        var zone = Regex.Match(Ics.Unfold(text), "BEGIN:VTIMEZONE\r\n(.*?)END:VTIMEZONE", RegexOptions.Singleline).Groups[1].Value;
        var rules = Regex.Matches(zone, "BEGIN:(STANDARD|DAYLIGHT)\r\n(.*?)END:\\1", RegexOptions.Singleline)
            .Select(m => m.Groups[2].Value)
            .Select(body =>
            {
                string Field(string name) => Regex.Match(body, $"^{name}:(.*)$", RegexOptions.Multiline).Groups[1].Value.TrimEnd('\r');
                var rrule = Field("RRULE");
                Assert.Contains("FREQ=YEARLY", rrule);
                Assert.Contains("BYDAY=-1SU", rrule);
                var month = int.Parse(Regex.Match(rrule, "BYMONTH=(\\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
                var at = TimeOnly.ParseExact(Field("DTSTART")[9..], "HHmmss", CultureInfo.InvariantCulture);
                var to = TimeSpan.ParseExact(Field("TZOFFSETTO")[1..], "hhmm", CultureInfo.InvariantCulture);
                return (Month: month, At: at, To: to);
            })
            .ToList();
        Assert.Equal(2, rules.Count);

        DateTime Transition((int Month, TimeOnly At, TimeSpan To) rule, int year)
        {
            var last = new DateOnly(year, rule.Month, DateTime.DaysInMonth(year, rule.Month));
            return last.AddDays(-(int)last.DayOfWeek).ToDateTime(rule.At);
        }

        return rules
            .SelectMany(r => new[] { (When: Transition(r, local.Year - 1), r.To), (When: Transition(r, local.Year), r.To) })
            .Where(t => t.When <= local)
            .MaxBy(t => t.When)
            .To;
    }
}
