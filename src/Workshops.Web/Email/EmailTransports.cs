using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Workshops.Web.Email;

/// <summary>
/// Hands finished messages to the outside world. The dispatcher opens one session per batch of the outbox and sends
/// the batch's messages through it one by one; each send throws on failure and the dispatcher decides about retries.
/// </summary>
public interface IEmailTransport
{
    /// <summary>A session for one batch; nothing is connected until its first message.</summary>
    IEmailSession OpenSession();
}

/// <summary>Sends the messages of one outbox batch; disposing it ends the connection, if any.</summary>
public interface IEmailSession : IAsyncDisposable
{
    /// <summary>Sends one message. Throws on failure; a later call starts afresh (a new connection for SMTP).</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>
/// Sends with MailKit over SMTP: one connection per outbox batch (connect, authenticate, then every message of the batch
/// on it), so a burst of confirmations costs one TLS handshake per batch, not one per message. After any failure the
/// connection is dropped and the next message of the batch connects again.
/// </summary>
public sealed class SmtpTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    /// <inheritdoc />
    public IEmailSession OpenSession() => new Session(options.Value.Smtp);

    private sealed class Session(SmtpOptions smtp) : IEmailSession
    {
        private SmtpClient? _client;

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                var client = _client ??= new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
                if (!client.IsConnected)
                {
                    var security = smtp.Security switch
                    {
                        SmtpSecurity.None => SecureSocketOptions.None,
                        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                        _ => SecureSocketOptions.StartTls,
                    };
                    await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
                    if (!string.IsNullOrEmpty(smtp.UserName))
                    {
                        await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
                    }
                }

                await client.SendAsync(message, ct);
            }
            catch
            {
                // A refused or broken exchange may leave the connection in any state: the next message starts afresh.
                Drop();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is { IsConnected: true } client)
            {
                try
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or MailKit.ServiceNotConnectedException
                    or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException)
                {
                    // Every message was already accepted (or failed) before: a lost QUIT changes nothing.
                }
            }

            Drop();
        }

        private void Drop()
        {
            _client?.Dispose();
            _client = null;
        }
    }
}

/// <summary>Writes each message as a complete .eml file (written aside, then renamed, so a reader never sees half a file).</summary>
public sealed class PickupTransport(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider time) : IEmailTransport, IEmailSession
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    /// <inheritdoc />
    public IEmailSession OpenSession() => this;

    /// <inheritdoc />
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        var target = Path.Combine(Directory, name);
        var temporary = target + ".tmp";
        // The file is what an SMTP server would receive: CRLF line ends (RFC 5322), whatever the server's own line end
        // is, and every part's transfer encoding declared (the composer prepares each message for 7-bit transport).
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, temporary, ct);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Nothing to close: every message is its own file.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
