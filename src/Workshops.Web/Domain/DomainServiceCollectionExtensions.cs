namespace Workshops.Web.Domain;

/// <summary>The domain services: the rules' one core for registrations and organiser changes, the audit log, the purge, feedback on the method.</summary>
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
        services.AddScoped<FeedbackService>();
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>();
        services.AddHostedService<FeedbackRequestScan>();
        return services;
    }
}
