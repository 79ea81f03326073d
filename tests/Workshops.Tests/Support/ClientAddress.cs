using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Workshops.Tests.Support;

/// <summary>
/// Lets a test choose the connection's address (as different machines, or a proxy, would have) with a header.
/// Register as an <see cref="IStartupFilter"/>: it runs before the site's own middleware.
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
