using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Calendar;

/// <summary>
/// A workshop as schema.org <c>Event</c> JSON-LD, so search engines can list it. Only what the site knows:
/// no time without a start time, no attendance mode while the format is open, no place while none is given,
/// and never the private join link (an online event's virtual location is its public page).
/// </summary>
public static class EventJsonLd
{
    /// <summary>Organiser of every workshop, as the announcement names it (a proper name: the same in every language).</summary>
    public const string Organiser = "Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu ja pilotointi -hanke";

    /// <summary>
    /// The default encoder escapes &lt;, &gt;, &amp; and quotes as \u003C etc. even with every Unicode range allowed:
    /// text an organiser typed can never close the script element, and ä, å and ö stay readable.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string For(Workshop workshop, string language, Uri pageUrl, Uri siteUrl)
    {
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = workshop.Title.For(language),
            ["description"] = workshop.Description.For(language),
            ["startDate"] = Moment(workshop.Date, workshop.StartTime),
            ["eventStatus"] = workshop.Status == WorkshopStatus.Cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
            ["url"] = pageUrl.AbsoluteUri,
            ["inLanguage"] = language,
            ["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = Organiser, ["url"] = siteUrl.AbsoluteUri },
        };
        if (workshop.StartTime is not null && workshop.EndTime is { } end)
        {
            data["endDate"] = Moment(workshop.Date, end);
        }

        if (workshop.Format == WorkshopFormat.Online)
        {
            data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode";
            data["location"] = new JsonObject { ["@type"] = "VirtualLocation", ["url"] = pageUrl.AbsoluteUri };
        }
        else
        {
            if (workshop.Format is WorkshopFormat.InPerson or WorkshopFormat.WalkIn)
            {
                data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
            }
            else if (workshop.Format == WorkshopFormat.Hybrid)
            {
                data["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode";
            }

            if (workshop.PlaceFor(language) is { } place)
            {
                data["location"] = new JsonObject { ["@type"] = "Place", ["name"] = place };
            }
        }

        return data.ToJsonString(Json);
    }

    /// <summary>"2028-05-31" while no time is known, else "2028-05-31T09:00:00+03:00" (Helsinki's offset that day).</summary>
    private static string Moment(DateOnly date, TimeOnly? time)
    {
        if (time is not { } t)
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var local = date.ToDateTime(t);
        return new DateTimeOffset(local, HelsinkiTime.Zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
