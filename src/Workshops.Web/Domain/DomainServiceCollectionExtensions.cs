using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Funder;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain;

/// <summary>The domain services, one per topic folder (each changes its topic for every caller), the audit log, and the scheduled jobs.</summary>
public static class DomainServiceCollectionExtensions
{
    /// <summary>Registers the domain services (scoped: one DbContext and one write seam per request).</summary>
    public static IServiceCollection AddWorkshopsDomain(this IServiceCollection services)
    {
        services.AddScoped<WorkshopService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<WaitingList>();
        services.AddScoped<AttendanceService>();
        services.AddScoped<CheckInService>();
        services.AddScoped<QuestionService>();
        services.AddScoped<IdeasWallService>();
        services.AddScoped<ResultsService>();
        services.AddOptions<ResultsOptions>().BindConfiguration(ResultsOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ResultsOptions>, ResultsOptionsValidator>();
        services.AddScoped<MessagingService>();
        services.AddScoped<PersonalDataService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<EventReminders>();
        services.AddHostedService<RetentionPurge>();
        services.AddHostedService<EventReminderJob>();
        services.AddScoped<FeedbackService>();
        services.AddSingleton<WalkInFormKeys>();
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>();
        services.AddHostedService<FeedbackRequestScan>();
        services.AddScoped<GroupRegistrationService>();
        services.AddScoped<OfferService>();
        services.AddOptions<OfferOptions>().BindConfiguration(OfferOptions.Section);
        services.AddHostedService<OfferExpiryJob>();
        services.AddScoped<Members.NotificationService>();
        services.AddOptions<Members.NotificationOptions>().BindConfiguration(Members.NotificationOptions.Section)
            .Validate(o => o.DigestHour is >= 0 and <= 23 && o.ScanIntervalMinutes is >= 1 and <= 1440,
                "Notifications__DigestHour must be 0–23 and Notifications__ScanIntervalMinutes 1–1440.")
            .ValidateOnStart();
        services.AddHostedService<Members.NotificationJob>();
        services.AddScoped<FunderService>();
        services.AddHostedService<SelfEntryScan>();
        services.AddScoped<CertificateService>();
        services.AddOptions<CertificateOptions>().BindConfiguration(CertificateOptions.Section)
            .Validate(o => o.RetentionYears is >= 1 and <= 50, "Certificates__RetentionYears must be 1 to 50 years.").ValidateOnStart();
        return services;
    }
}
