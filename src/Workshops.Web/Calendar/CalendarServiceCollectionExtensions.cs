using System.Net.Mail;

namespace Workshops.Web.Calendar;

/// <summary>Settings under <c>Calendar__…</c>.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>
    /// ORGANIZER of the registrants' own calendar entries: a no-reply address, ideally the one emails are sent
    /// from. Empty means no-reply@ the host of Site__PublicBaseUrl.
    /// </summary>
    public string? OrganizerEmail { get; set; }
}

public static class CalendarServiceCollectionExtensions
{
    public static IServiceCollection AddWorkshopsCalendar(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>()
            .BindConfiguration(CalendarOptions.Section)
            .Validate(
                o => string.IsNullOrWhiteSpace(o.OrganizerEmail)
                    || (MailAddress.TryCreate(o.OrganizerEmail.Trim(), out var address) && address.Address == o.OrganizerEmail.Trim()),
                "Calendar__OrganizerEmail must be a plain email address such as no-reply@example.fi, or empty.")
            .ValidateOnStart();
        services.AddSingleton<CalendarTexts>();
        services.AddSingleton<WorkshopCalendar>();
        services.AddSingleton<CalendarLinks>();
        return services;
    }
}
