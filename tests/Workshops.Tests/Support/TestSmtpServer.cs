using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Workshops.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1, in the test process. It can be stopped and
/// started again on the same port, and told to refuse messages with a given reply code.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public TestSmtpServer() => Port = FreePort();

    public int Port { get; }

    /// <summary>When set, every message is answered with this code (e.g. 451 temporary, 550 permanent).</summary>
    public int? RefuseWith { get; set; }

    /// <summary>How many messages the server has accepted so far.</summary>
    public int ReceivedCount => Volatile.Read(ref _receivedCount);

    /// <summary>How many SMTP sessions (connections) clients have opened so far.</summary>
    public int SessionCount => Volatile.Read(ref _sessionCount);

    private int _sessionCount;

    // Several SMTP sessions (two app instances, or the outbox's parallel sends) store messages at once: count atomically.
    private int _receivedCount;

    public Dictionary<string, string?> Settings => new()
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:From"] = "Kehittämistyöpajat <tyopajat@example.fi>",
        ["Email:ReplyTo"] = "Tutkimuspäällikkö <info@example.fi>",
    };

    public TestSmtpServer Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _stop = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessionCount);
        _running = server.StartAsync(_stop.Token);
        return this;
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // stopped as asked
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    /// <summary>The next message the server accepted, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<MimeMessage> NextMessageAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await _received.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True when no further message is waiting right now.</summary>
    public bool NothingMoreReceived => !_received.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// A free port below the kernel's ephemeral range, so that while the server is stopped (a test of an unreachable
    /// mail server) no outgoing connection or port-0 listener of a parallel test can be given it; ports are taken at
    /// random and claimed by a test bind, so two servers in this process do not share one.
    /// </summary>
    private static int FreePort()
    {
        var ephemeralStart = 32768;
        try
        {
            ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // not Linux: keep the common default
        }

        lock (Claimed)
        {
            while (true)
            {
                var port = Random.Shared.Next(20000, Math.Max(20001, Math.Min(ephemeralStart, 32768)));
                if (!Claimed.Add(port))
                {
                    continue;
                }

                try
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listener.Stop();
                    return port;
                }
                catch (SocketException)
                {
                    // in use by something else: try another
                }
            }
        }
    }

    private static readonly HashSet<int> Claimed = [];

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.RefuseWith is { } code)
            {
                return new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "mailbox unavailable" : "try again later");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Interlocked.Increment(ref server._receivedCount);
            await server._received.Writer.WriteAsync(message, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
