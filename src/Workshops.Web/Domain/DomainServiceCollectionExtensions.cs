namespace Workshops.Web.Domain;

/// <summary>The domain services: the rules' one core for registrations and organiser changes, the audit log, the purge.</summary>
public static class DomainServiceCollectionExtensions
{
    /// <summary>Registers the domain services (scoped: one DbContext and one write seam per request).</summary>
    public static IServiceCollection AddWorkshopsDomain(this IServiceCollection services)
    {
        services.AddScoped<RegistrationService>();
        services.AddScoped<OrganiserService>();
        services.AddScoped<OutcomeService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AttendeeMessaging>();
        services.AddScoped<EventReminders>();
        services.AddHostedService<RetentionPurge>();
        services.AddHostedService<EventReminderJob>();
        return services;
    }
}
