using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Serilog;
using Serilog.Events;
using Workshops.Web.Localization;

namespace Workshops.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWorkshopsLogging(this WebApplicationBuilder builder)
    {
        // Configured in appsettings ("Serilog"); personal data is never logged at Information or above.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    public static IServiceCollection AddWorkshopsWeb(this IServiceCollection services)
    {
        services.TryAddTimeProvider();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section);
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidator>();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, SiteOptionsValidator>();

        // Write ä, å, ő and 漢字 as themselves: HTML-special characters are still escaped.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

        services.AddRazorPages()
            // Validation happens on the server; no data-val-* attributes for a client script we do not ship.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (type, factory) =>
                    OrganiserLocalizer.Covers(type) ? OrganiserLocalizer.Instance : factory.Create(typeof(SharedResource)));
        services.AddSingleton<IStringLocalizer<Resources.OrganiserResource>>(OrganiserLocalizer.Instance);
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

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "workshops.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>A manage link is a credential: its token never reaches the logs.</summary>
    internal static string RedactSecrets(string path) =>
        path.StartsWith("/manage/", StringComparison.OrdinalIgnoreCase)
            ? "/manage/***" + (path.IndexOf('/', "/manage/".Length) is var slash and > 0 ? path[slash..] : "")
            : path;

    public static WebApplication UseWorkshopsPipeline(this WebApplication app)
    {
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
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz");
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
