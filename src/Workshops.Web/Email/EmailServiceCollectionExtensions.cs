using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddWorkshopsEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .PostConfigure<IOptions<SiteOptions>>((email, site) => email.ReplyTo = EmailOptions.ReplyToOrContact(email.ReplyTo, site.Value));
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<Data.ICommitObserver>(sp => sp.GetRequiredService<EmailOutbox>());
        services.AddScoped<OutboxSender>();
        services.AddScoped<OutboxQueue>();
        services.AddSingleton<MailEnvelope>();
        services.AddScoped<MessageComposer>();
        services.AddScoped<ResultsComposer>();
        services.AddScoped<OrganiserNoticeComposer>();
        services.AddScoped<MemberNotificationComposer>();
        services.AddScoped<HtmlRenderer>();
        services.AddScoped<SmtpTransport>();
        services.AddScoped<PickupTransport>();
        services.AddScoped<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Smtp
            ? sp.GetRequiredService<SmtpTransport>()
            : sp.GetRequiredService<PickupTransport>());
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
