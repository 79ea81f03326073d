using MimeKit;
using Workshops.Web.Email;

namespace Workshops.Tests.Support;

/// <summary>The pickup directory, or an unreachable mail server while <see cref="Down"/>.</summary>
public sealed class FlakyTransport
{
    public volatile bool Down;

    public IEmailTransport Around(IEmailTransport inner) => new Transport(this, inner);

    private sealed class Transport(FlakyTransport switcher, IEmailTransport inner) : IEmailTransport
    {
        public IEmailSession OpenSession() => new Session(switcher, inner.OpenSession());
    }

    private sealed class Session(FlakyTransport switcher, IEmailSession inner) : IEmailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken ct) =>
            switcher.Down ? throw new IOException("The mail server is unreachable (test).") : inner.SendAsync(message, ct);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
