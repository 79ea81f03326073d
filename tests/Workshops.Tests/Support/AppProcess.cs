using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workshops.Tests.Support;

/// <summary>The built site run as a real process on 127.0.0.1, the way an operator runs it.</summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private AppProcess(Process process, int port)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public static ProcessStartInfo StartInfo(TestFolder folder, IDictionary<string, string>? environment = null, int port = 0, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Workshops.Web.dll"), .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in folder.DatabaseSettings())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Serilog__WriteTo__File__Args__path"] = Path.Combine(folder.Path, "logs", "w-.log");
        info.Environment["Email__PickupDirectory"] = Path.Combine(folder.Path, "mail");
        info.Environment["RateLimiting__Enabled"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>
    /// Starts the site and waits until /healthz answers. The free port is found by binding port 0 and letting it go,
    /// so another process (a parallel test, another run on the machine) may take it before the site binds it: then the
    /// site exits with "address already in use" and is started again on another port (at most three tries).
    /// </summary>
    public static async Task<AppProcess> StartAsync(TestFolder folder, IDictionary<string, string>? environment = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(folder, environment);
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // The port was taken between FreePort() and the site's bind: try another.
            }
        }
    }

    private static async Task<AppProcess> StartOnceAsync(TestFolder folder, IDictionary<string, string>? environment)
    {
        var port = FreePort();
        var app = new AppProcess(Process.Start(StartInfo(folder, environment, port))!, port);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (app._process.HasExited)
            {
                throw new InvalidOperationException("The site exited at start-up: " + await app._stderr);
            }

            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                app.Dispose();
                throw new TimeoutException("The site did not become healthy within a minute");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Runs a command (<c>backup</c>, <c>copy-to-postgresql</c>…) as an operator does, with standard input closed, to its end.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunCommandAsync(TestFolder folder, params string[] args)
    {
        using var process = Process.Start(StartInfo(folder, null, 0, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what survives is what SQLite committed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
