using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Workshops.Tests.Support.Browser;

/// <summary>
/// The real app served by Kestrel on 127.0.0.1 (a free port), with a real SMTP server catching its emails:
/// what a browser needs, since it cannot reach WebApplicationFactory's in-memory server.
/// </summary>
public sealed class ServedApp : IAsyncDisposable
{
    private ServedApp(TestSmtpServer smtp, WorkshopsFactory app, Uri baseAddress)
    {
        Smtp = smtp;
        App = app;
        BaseAddress = baseAddress;
    }

    public TestSmtpServer Smtp { get; }
    public WorkshopsFactory App { get; }

    /// <summary>http://127.0.0.1:port/ — the only origin a page may load anything from.</summary>
    public Uri BaseAddress { get; }

    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public static ServedApp Start(IDictionary<string, string?>? settings = null)
    {
        var smtp = new TestSmtpServer().Start();
        var all = smtp.Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new WorkshopsFactory(settings: all);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ServedApp(smtp, app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
