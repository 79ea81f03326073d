using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workshops.Tests.Support;
using Workshops.Web.Calendar;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using IcalCalendar = Ical.Net.Calendar;

namespace Workshops.Tests.Calendar;

/// <summary>Builds the calendar service without a host, and reads its files back strictly.</summary>
internal static class Ics
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static readonly WorkshopsFactory Host = new();

    private static readonly IOptions<SiteOptions> Site = Options.Create(new SiteOptions { PublicBaseUrl = "https://workshops.test" });

    /// <summary>
    /// The site's real routes, from one host built for all calendar tests: links are made from route names, and the
    /// calendar endpoints' delegates need the site's services to be built at all.
    /// </summary>
    private static readonly Lazy<SiteLinks> SiteLinks = new(() =>
        new SiteLinks(Host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.LinkGenerator>(), Site));

    public static WorkshopCalendar Service(string? organizerEmail = null) => new(
        Site,
        SiteLinks.Value,
        Options.Create(new CalendarOptions { OrganizerEmail = organizerEmail }),
        Options.Create(new Workshops.Web.Email.EmailOptions { From = "Työpajat <no-reply@workshops.test>" }),
        new FakeTimeProvider(Now),
        new CalendarTexts(new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance))));

    public static CalendarLinks Links() =>
        new(SiteLinks.Value, Service());

    public static Workshop Workshop(
        DateOnly? date = null, TimeOnly? start = null, TimeOnly? end = null, string? place = "Rauma",
        WorkshopFormat format = WorkshopFormat.InPerson, string? joinUrl = null)
    {
        return new Workshop
        {
            Id = Guid.Parse("6d1f7a4e-1c2b-4f51-9a57-3b1f0f6c2a01"),
            Slug = "rauma-yksinaisyys",
            Title = new LocalizedText { Fi = "Yhdessä yksinäisyyttä vastaan", Sv = "Tillsammans mot ensamhet", En = "Together against loneliness" },
            Description = new LocalizedText { Fi = "Kuvaus suomeksi.", Sv = "Beskrivning på svenska.", En = "Description in English." },
            Date = date ?? new DateOnly(2028, 5, 31),
            StartTime = start,
            EndTime = end,
            Place = place,
            Format = format,
            OnlineJoinUrl = joinUrl,
            CreatedAtUtc = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
            UpdatedAtUtc = new DateTime(2026, 11, 2, 8, 30, 15, DateTimeKind.Utc),
        };
    }

    /// <summary>
    /// RFC 5545 framing first (CRLF line ends, physical lines of at most 75 octets, valid UTF-8 on every line),
    /// then Ical.Net's own parser.
    /// </summary>
    public static IcalCalendar Parse(string text)
    {
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var line in text[..^2].Split("\r\n"))
        {
            // Folding inside a surrogate pair would leave a lone surrogate, which strict UTF-8 refuses.
            var octets = strictUtf8.GetByteCount(line);
            Assert.True(octets <= 75, $"Line of {octets} octets: {line}");
        }

        return IcalCalendar.Load(text) ?? throw new InvalidOperationException("No calendar in the text.");
    }

    /// <summary>The first line of the first event with this property (unfolded), parameters included.</summary>
    public static string? Property(string text, string name)
    {
        var unfolded = Unfold(text);
        return unfolded[unfolded.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal)..]
            .Split("\r\n")
            .FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal));
    }

    public static string Unfold(string text) => text.Replace("\r\n ", "").Replace("\r\n\t", "");
}
