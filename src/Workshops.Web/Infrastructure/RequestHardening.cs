using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Answers requests the site has no use for before they reach a page: methods no page handles (405), request
/// bodies in a charset other than UTF-8 or not an HTML form (415), a POST to a page without a handler for it (405);
/// and marks personal pages as neither cacheable nor referrable.
/// </summary>
public static class RequestHardening
{
    /// <summary>Adds <see cref="HandlerRequired"/> to every page.</summary>
    public static IServiceCollection AddRequestHardening(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.Filters.Add(new HandlerRequired()));

    /// <summary>
    /// A POST that no handler of the page takes (a page with only OnGet, such as the result page, or an unknown
    /// <c>?handler=</c>) answers 405. Razor Pages would otherwise render the page without running any handler, so
    /// nothing it shows is loaded (a breaker's POST to <c>/workshops/{slug}/registered</c> answered 500).
    /// A GET without a handler still renders: the site's static pages have none.
    /// </summary>
    public sealed class HandlerRequired : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var method = context.HttpContext.Request.Method;
            if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                context.HttpContext.Response.Headers.Allow = context.ActionDescriptor.HandlerMethods.Any(h => h.HttpMethod == "Post")
                    ? "GET, HEAD, POST"
                    : "GET, HEAD";
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
                return Task.CompletedTask;
            }

            return next();
        }
    }

    private static readonly string[] AllowedMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    public static IApplicationBuilder UseRequestHardening(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!AllowedMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = string.Join(", ", AllowedMethods);
            return;
        }

        if (request.ContentType is { } contentType && !IsUtf8(contentType))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        // Every POST the site takes is an HTML form. Antiforgery also accepts its token in a header, so a JSON, XML or
        // text body with that header reached the page handlers, and reading Request.Form threw (500).
        if (HttpMethods.IsPost(request.Method) && !request.HasFormContentType)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (request.Path.StartsWithSegments("/manage", StringComparison.OrdinalIgnoreCase))
        {
            // Name, address and needs (possibly health data): kept out of caches and out of Referer headers.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
        }

        await next(context);
    });

    /// <summary>No charset (UTF-8 is assumed), or UTF-8 / its ASCII subset by name.</summary>
    private static bool IsUtf8(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var charset = media.Charset.Value?.Trim('"');
        return string.IsNullOrEmpty(charset)
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A local redirect target with everything outside printable ASCII percent-encoded as UTF-8, so a
    /// non-ASCII return address can never make an invalid Location header (which answered 500).
    /// </summary>
    public static string LocalTarget(string? url, string fallback, Func<string?, bool> isLocal)
    {
        if (!isLocal(url))
        {
            return fallback;
        }

        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(url!))
        {
            if (b is > 0x20 and < 0x7F)
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
