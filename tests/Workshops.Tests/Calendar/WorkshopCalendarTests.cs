using Workshops.Web.Domain;

namespace Workshops.Tests.Calendar;

/// <summary>The public files: downloads and the feed (METHOD:PUBLISH).</summary>
[Trait("Kind", "Rules")]
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
        var entry = Ics.Parse(Ics.Service().Publish([Ics.Workshop(start: new TimeOnly(9, 0))], language)).Events.Single();

        Assert.Equal(summary, entry.Summary);
        Assert.StartsWith(description + "\n\n", entry.Description);
        Assert.Equal($"https://workshops.test/workshops/rauma-yksinaisyys?culture={language}", entry.Url!.AbsoluteUri);
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
}
