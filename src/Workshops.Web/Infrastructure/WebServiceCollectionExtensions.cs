using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Serilog;
using Serilog.Events;
using Workshops.Web.Calendar;
using Workshops.Web.Localization;

namespace Workshops.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWorkshopsLogging(this WebApplicationBuilder builder)
    {
        // Configured in appsettings ("Serilog"); personal data is never logged at Information or above.
        builder.Services.AddSerilog((services, logger) => logger
            // Sink assemblies named explicitly: assembly scanning misses them under test hosts and single-file publish.
            .ReadFrom.Configuration(builder.Configuration, new Serilog.Settings.Configuration.ConfigurationReaderOptions(
                typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly))
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    public static IServiceCollection AddWorkshopsWeb(this IServiceCollection services)
    {
        services.TryAddTimeProvider();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section);
        services.AddOptions<FunderOptions>().BindConfiguration(FunderOptions.Section);
        services.AddOptions<Domain.Messaging.ReminderOptions>().BindConfiguration(Domain.Messaging.ReminderOptions.Section)
            .Validate(o => o.HoursBefore is >= 1 and <= 720, "Reminders__HoursBefore must be between 1 and 720.")
            .Validate(o => o.ScanIntervalMinutes is >= 1 and <= 1440, "Reminders__ScanIntervalMinutes must be between 1 and 1440.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidator>();
        services.AddSingleton<SiteLinks>();
        services.AddSingleton<Certificates.CertificateDocument>();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, SiteOptionsValidator>();

        // Write ä, å, ő and 漢字 as themselves: HTML-special characters are still escaped.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
            // ?culture=, the switch's cookie, then a personal link's own language, then Accept-Language.
            var cookie = o.RequestCultureProviders.OfType<CookieRequestCultureProvider>().Single();
            o.RequestCultureProviders.Insert(o.RequestCultureProviders.IndexOf(cookie) + 1, new Pages.Manage.ManageLinkCultureProvider());
        });

        services.AddSingleton<IValidationAttributeAdapterProvider, LocalizingAttributeAdapterProvider>();
        services.AddRazorPages()
            // Validation happens on the server; no data-val-* attributes for a client script we do not ship.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            // Input models of the organiser pages take their validation messages from the organiser area's resource.
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (type, factory) => factory.Create(
                    type.Namespace?.StartsWith("Workshops.Web.Pages.Organiser", StringComparison.Ordinal) == true
                        ? typeof(Resources.OrganiserResource)
                        : typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var l = factory.Create(typeof(SharedResource));
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => l["Tarkista tämän kentän arvo."]);
            messages.SetValueIsInvalidAccessor(_ => l["Tarkista tämän kentän arvo."]);
            messages.SetValueMustBeANumberAccessor(_ => l["Kirjoita numero."]);
            messages.SetMissingBindRequiredValueAccessor(_ => l["Tämä kenttä on pakollinen."]);
            messages.SetValueMustNotBeNullAccessor(_ => l["Tämä kenttä on pakollinen."]);
            messages.SetMissingKeyOrValueAccessor(() => l["Tämä kenttä on pakollinen."]);
            messages.SetUnknownValueIsInvalidAccessor(_ => l["Tarkista tämän kentän arvo."]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l["Tarkista tämän kentän arvo."]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Tarkista tämän kentän arvo."]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Kirjoita numero."]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Tämä kenttä on pakollinen."]);
        });

        services.AddWorkshopsRateLimiting();
        services.AddWorkshopsPublicCache();
        services.AddRequestHardening();
        services.AddWorkshopsMetrics();

        // Forms are small: refuse anything bigger before it is read. Field lengths match the database columns.
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 64 * 1024);
        services.Configure<FormOptions>(o =>
        {
            o.ValueCountLimit = 100;
            o.ValueLengthLimit = 16 * 1024;
            o.KeyLengthLimit = 200;
            o.MultipartBodyLengthLimit = 64 * 1024;
        });

        // Behind a reverse proxy on this host, the client address (rate limits) and the scheme (Secure cookies)
        // come from X-Forwarded-For and X-Forwarded-Proto, believed only from Site__TrustedProxies (default: loopback).
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((o, site) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            site.Value.ApplyTrustedProxies(o);
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "workshops.tempdata";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "workshops.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>The output cache and its invalidation after every committed write (<see cref="PublicCache"/>).</summary>
    private static void AddWorkshopsPublicCache(this IServiceCollection services)
    {
        services.AddSingleton<PublicCache>();
        services.AddSingleton<Data.ICommitObserver>(sp => sp.GetRequiredService<PublicCache>());
        // The default policy underneath: GET and HEAD only, never a signed-in request, never a response that sets a cookie.
        services.AddOutputCache(o => o.AddPolicy(PublicCache.Policy, b => b
            .Tag(PublicCache.Policy)
            .Expire(TimeSpan.FromMinutes(1))
            .VaryByValue(context => context.RequestServices.GetRequiredService<PublicCache>().VaryValue())));
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>
    /// A manage link is a credential: its token never reaches the logs; nor does a certificate's code, which leads to the
    /// holder's name.
    /// </summary>
    internal static string RedactSecrets(string path) =>
        path.StartsWith("/manage/", StringComparison.OrdinalIgnoreCase)
            ? "/manage/***" + (path.IndexOf('/', "/manage/".Length) is var slash and > 0 ? path[slash..] : "")
            : path.StartsWith("/certificates/", StringComparison.OrdinalIgnoreCase) ? "/certificates/***"
            : path;

    /// <summary>
    /// "Healthy", or "Unhealthy" and one line per failing check with its reason ("database: database unreachable"),
    /// so a monitor and the person reading its alert see which part is down. No exception text: it may name hosts.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries
            .Where(e => e.Value.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            .Select(e => $"\n{e.Key}: {e.Value.Description ?? e.Value.Status.ToString()}");
        return context.Response.WriteAsync(report.Status + string.Concat(lines));
    }

    public static WebApplication UseWorkshopsPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRequestHardening();
        // First, so error and status pages re-executed below keep the language (re-execution drops ?culture=).
        app.UseRequestLocalization();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(o => o.GetMessageTemplateProperties = (context, path, elapsed, status) =>
        [
            new("RequestMethod", new ScalarValue(context.Request.Method)),
            new("RequestPath", new ScalarValue(RedactSecrets(path))),
            new("StatusCode", new ScalarValue(status)),
            new("Elapsed", new ScalarValue(elapsed)),
        ]);
        app.UseRouting();
        // After routing: the limits are attached to the pages' endpoints (see RateLimiting).
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After localization (the key varies by language) and authentication (a signed-in request is never cached).
        app.UseOutputCache();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz", new() { ResponseWriter = WriteHealthAsync });
        // The same checks one by one, for a monitor that wants to tell a database outage from a stalled outbox.
        app.MapHealthChecks("/healthz/database", new() { Predicate = c => c.Name == "database", ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/healthz/outbox", new() { Predicate = c => c.Name == "outbox", ResponseWriter = WriteHealthAsync });
        app.MapWorkshopsMetrics();
        app.MapWorkshopsCalendar();
        // Drawn in code (EuEmblem); the same bytes for everyone, so any cache may keep them for a day.
        app.MapMethods(EuEmblem.Path, [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(EuEmblem.Svg, "image/svg+xml", System.Text.Encoding.UTF8);
        });
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
