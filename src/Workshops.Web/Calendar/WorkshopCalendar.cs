using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Options;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using IcalCalendar = Ical.Net.Calendar;

namespace Workshops.Web.Calendar;

/// <summary>
/// Builds the iCalendar (RFC 5545) files. Public files (feed, downloads) are METHOD:PUBLISH and never carry
/// the online join link; a registrant's own entry (email) is METHOD:REQUEST or CANCEL with a no-reply organiser.
/// Every file uses the same UID per workshop, so each client keeps one entry and updates it.
/// See docs/calendar.md for the reasons.
/// </summary>
public sealed class WorkshopCalendar(IOptions<SiteOptions> site, SiteLinks links, IOptions<CalendarOptions> options, IOptions<Email.EmailOptions> email, TimeProvider time, CalendarTexts texts)
{
    public const string ProductId = "-//Sosiaalisten innovaatioiden kehittamistyopajat//Workshops//FI";

    /// <summary>Raise when the files change shape, so that feed ETags computed from the data change too.</summary>
    private const int FormatVersion = 1;

    /// <summary>
    /// Ical.Net builds the VTIMEZONE from the zone's transitions between this date and the machine's real clock
    /// (not TimeProvider), so the date must lie in the past. The yearly rules it writes are open-ended and cover
    /// every later event (the programme is in 2028); a fixed date keeps the output the same from year to year.
    /// </summary>
    private static readonly DateTime TimeZoneRulesFrom = new(2020, 1, 1);

    private Uri BaseUri => site.Value.BaseUri;

    /// <summary>The workshop's calendar UID: the same in downloads, the feed and emails, whatever else changes.</summary>
    public string Uid(Workshop workshop) => $"{workshop.Id}@{BaseUri.Host}";

    /// <summary>Downloads: METHOD:PUBLISH, cancelled workshops included with STATUS:CANCELLED, never the join link.</summary>
    public string Publish(IReadOnlyList<Workshop> workshops, string language) =>
        IcalText.Serialize(PublicCalendar(workshops, language));

    /// <summary>The subscribable programme: <see cref="Publish"/> plus a calendar name and a refresh hint.</summary>
    internal string Feed(IReadOnlyList<Workshop> workshops, string language)
    {
        var calendar = PublicCalendar(workshops, language);
        calendar.AddProperty("X-WR-CALNAME", texts.CalendarName(language));
        var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT1H");
        refresh.Parameters.Set("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        return IcalText.Serialize(calendar);
    }

    /// <summary>
    /// Which calendar a registrant gets, in their emails and from their personal page alike: a cancelled registration
    /// (or <paramref name="cancel"/>, or a cancelled workshop) gets METHOD:CANCEL with STATUS:CANCELLED; a confirmed
    /// one METHOD:REQUEST with the join link of an online workshop; a waitlisted one METHOD:PUBLISH with
    /// STATUS:TENTATIVE and no join link, so nothing fills their calendar as if they had a seat.
    /// </summary>
    public PersonalCalendar ForRegistration(Workshop workshop, Registration registration, string language, bool cancel = false)
    {
        cancel |= registration.Status == RegistrationStatus.Cancelled || workshop.Status == WorkshopStatus.Cancelled;
        if (!cancel && registration.Status == RegistrationStatus.Waitlisted)
        {
            var calendar = NewCalendar(CalendarMethods.Publish, [workshop]);
            var entry = Event(workshop, language, RegistrationRules.CalendarSequence(workshop.Sequence, registration.CalendarRound, personalCancel: false), joinUrl: null, forRegistrant: true, workshop.ModeOf(registration));
            entry.Status = EventStatus.Tentative;
            calendar.Events.Add(entry);
            return new PersonalCalendar(IcalText.Serialize(calendar), CalendarMethods.Publish);
        }

        // Someone added without an address has no email and no personal page, so no personal entry either.
        var attendee = registration.Email ?? throw new InvalidOperationException($"Registration {registration.Id} has no address for a calendar entry.");
        var text = ForRegistrant(workshop, language, attendee, registration.Name, cancel, registration.CalendarRound, workshop.ModeOf(registration));
        return new PersonalCalendar(text, cancel ? CalendarMethods.Cancel : CalendarMethods.Request);
    }

    /// <summary>
    /// The entry of a registrant who holds a seat (or loses it, <paramref name="cancel"/>): METHOD:REQUEST adds or
    /// updates it, METHOD:CANCEL (also whenever the workshop itself is cancelled) removes it. Only the REQUEST carries
    /// the online join link of someone attending online (<paramref name="mode"/>, null: the format's; <see cref="WorkshopPlaces.JoinUrlFor(Workshop, RegistrationStatus, AttendanceMode?)"/>),
    /// as its LOCATION and URL; an on-site person's LOCATION is the place. Prefer <see cref="ForRegistration"/>, which picks.
    /// </summary>
    public string ForRegistrant(Workshop workshop, string language, string attendeeEmail, string attendeeName, bool cancel, int calendarRound = 0, AttendanceMode? mode = null)
    {
        cancel |= workshop.Status == WorkshopStatus.Cancelled;
        // A CANCEL must outrank the last update this person got. A cancelled workshop has already raised its
        // Sequence (Workshop.Cancel); a personal cancellation goes one above. Each earlier round of the same address
        // (cancel, register again) adds two, so the next invitation outranks that cancellation (RegistrationRules.CalendarSequence).
        var personalCancel = cancel && workshop.Status != WorkshopStatus.Cancelled;
        var sequence = RegistrationRules.CalendarSequence(workshop.Sequence, calendarRound, personalCancel);

        var calendar = NewCalendar(cancel ? CalendarMethods.Cancel : CalendarMethods.Request, [workshop]);
        var joinUrl = cancel ? null : workshop.JoinUrlFor(RegistrationStatus.Confirmed, mode);
        var entry = Event(workshop, language, sequence, joinUrl, forRegistrant: true, workshop.ModeFor(mode));
        if (cancel)
        {
            entry.Status = EventStatus.Cancelled;
        }

        entry.Organizer = new Organizer(IcalText.MailTo(Organizer()))
        {
            CommonName = IcalText.ParameterText(texts.CalendarName(language)),
        };
        entry.Attendees.Add(new Attendee
        {
            // Set as a Uri: the string constructor refuses some valid mailto: URIs (escaped UTF-8 in the local part).
            Value = new Uri(IcalText.MailTo(attendeeEmail)),
            CommonName = IcalText.ParameterText(attendeeName),
            Role = ParticipationRole.RequiredParticipant,
            // Already accepted by registering; RSVP=FALSE asks clients not to send accept/decline replies.
            ParticipationStatus = cancel ? EventParticipationStatus.Declined : EventParticipationStatus.Accepted,
            Rsvp = false,
        });
        calendar.Events.Add(entry);
        return IcalText.Serialize(calendar);
    }

    /// <summary>
    /// The address written as ORGANIZER: Calendar__OrganizerEmail, or else the address the emails come from,
    /// so that calendar clients accept updates and cancellations as coming from the organiser.
    /// </summary>
    public string Organizer() =>
        string.IsNullOrWhiteSpace(options.Value.OrganizerEmail)
            ? MimeKit.MailboxAddress.Parse(email.Value.From).Address
            : options.Value.OrganizerEmail.Trim();

    /// <summary>The workshop's page in the given language: the URL property and the link in DESCRIPTION.</summary>
    public Uri PageUrl(Workshop workshop, string language) => new(links.WorkshopPage(workshop.Slug, language));

    /// <summary>
    /// Changes whenever the published files would (other than DTSTAMP, which is the time of each response):
    /// the workshops' versions, whether their time is still to be announced, the language and the site address. Cheap: no file is built for it.
    /// </summary>
    internal string Fingerprint(IReadOnlyList<Workshop> workshops, string language)
    {
        var text = new StringBuilder($"{FormatVersion}|{BaseUri}|{language}");
        foreach (var w in workshops.OrderBy(w => w.Id))
        {
            // The entry's text also changes with time alone ("time to be announced" goes once the workshop begins).
            text.Append($"|{w.Id:N}:{w.Sequence}:{w.UpdatedAtUtc.Ticks}:{w.Status}:{TimeNote(w, language) is null}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    /// <summary>
    /// "Time to be announced." while that is still true (<see cref="WorkshopLifecycle.TimeStillToBeAnnounced"/> now), for
    /// the start of an entry's text; null otherwise (a time is set, or the workshop has begun or been cancelled), so the
    /// feed, the downloads and the workshop page say the same.
    /// </summary>
    public string? TimeNote(Workshop workshop, string language) =>
        WorkshopLifecycle.At(workshop, time).TimeStillToBeAnnounced ? Formats.TimeToBeAnnouncedSentence(language) : null;

    /// <summary>The location everyone may see: the place, or "online" without the join link; null when unknown.</summary>
    public string? PublicLocation(Workshop workshop, string language) =>
        IcalText.CleanOrNull(workshop.PlaceOrOnline(language, texts.Online(language)));

    private IcalCalendar PublicCalendar(IReadOnlyList<Workshop> workshops, string language)
    {
        var calendar = NewCalendar(CalendarMethods.Publish, workshops);
        foreach (var workshop in workshops)
        {
            calendar.Events.Add(Event(workshop, language, workshop.Sequence, joinUrl: null, forRegistrant: false));
        }

        return calendar;
    }

    private static IcalCalendar NewCalendar(string method, IReadOnlyList<Workshop> workshops)
    {
        var calendar = new IcalCalendar { ProductId = ProductId, Method = method };
        if (workshops.Any(w => w.StartTime is not null))
        {
            var earliest = workshops.Min(w => w.Date).ToDateTime(TimeOnly.MinValue);
            calendar.AddTimeZone(HelsinkiTime.ZoneId, earliest < TimeZoneRulesFrom ? earliest : TimeZoneRulesFrom, includeHistoricalData: false);
        }

        return calendar;
    }

    /// <summary>One VEVENT; <paramref name="mode"/> is a registrant's way of attending (their own LOCATION), null for the public files.</summary>
    private CalendarEvent Event(Workshop workshop, string language, int sequence, string? joinUrl, bool forRegistrant, AttendanceMode? mode = null)
    {
        var cancelled = workshop.Status == WorkshopStatus.Cancelled;
        var title = IcalText.Clean(workshop.Title.For(language));
        var page = PageUrl(workshop, language);
        joinUrl = IcalText.CleanOrNull(joinUrl);

        var description = new StringBuilder(TimeNote(workshop, language) is { } note ? note + "\n\n" : "");
        description.Append(IcalText.Clean(workshop.Description.For(language)));
        if (joinUrl is not null)
        {
            description.Append($"\n\n{texts.JoinLink(language)}: {joinUrl}");
        }

        description.Append($"\n\n{page}");

        var entry = new CalendarEvent
        {
            Uid = Uid(workshop),
            Sequence = sequence,
            DtStamp = IcalText.Utc(time.GetUtcNow().UtcDateTime),
            LastModified = IcalText.Utc(workshop.UpdatedAtUtc),
            // The feed keeps a cancelled workshop visible, so say so in the title for clients that ignore STATUS.
            Summary = cancelled && !forRegistrant ? texts.CancelledPrefix(language) + title : title,
            Description = description.ToString().Trim(),
            // The join link is the address of the event for someone attending online: clients offer it as "join".
            Url = joinUrl is not null && Uri.TryCreate(joinUrl, UriKind.Absolute, out var join) ? join : page,
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };

        var location = joinUrl is not null
            ? $"{texts.Online(language)}: {joinUrl}"
            : mode is { } own ? IcalText.CleanOrNull(workshop.WhereFor(own, language, texts.Online(language))) : PublicLocation(workshop, language);
        if (location is not null)
        {
            entry.Location = location;
        }

        if (workshop.StartTime is { } start)
        {
            // Wall-clock Helsinki time with TZID: clients convert with the VTIMEZONE, right on both sides of DST.
            entry.DtStart = new CalDateTime(workshop.Date, start, HelsinkiTime.ZoneId);
            if (workshop.EndTime is { } end)
            {
                entry.DtEnd = new CalDateTime(workshop.Date, end, HelsinkiTime.ZoneId);
            }
        }
        else
        {
            // No time announced: an all-day entry (DATE values, the end exclusive, as RFC 5545 says), whose
            // DESCRIPTION opens with "time to be announced", so nobody reads it as a whole day's event.
            entry.DtStart = new CalDateTime(workshop.Date);
            entry.DtEnd = new CalDateTime(workshop.Date.AddDays(1));
        }

        return entry;
    }
}

/// <summary>A registrant's own calendar file and its METHOD (REQUEST, CANCEL or PUBLISH).</summary>
public sealed record PersonalCalendar(string Ics, string Method)
{
    /// <summary>REQUEST or CANCEL: an email carries it as its text/calendar part, so clients add, update or remove the entry.</summary>
    public bool IsScheduling => Method != CalendarMethods.Publish;
}
