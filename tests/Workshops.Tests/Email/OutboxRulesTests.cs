using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Workshops.Web.Email;

namespace Workshops.Tests.Email;

/// <summary>
/// The outbox's rules with literal expected values (never computed by the code under test), so that a changed
/// delay, a failure put in the wrong class or a tight polling loop fails here.
/// </summary>
public sealed class OutboxRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 10)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(4, 120)]
    [InlineData(5, 300)]
    [InlineData(6, 600)]
    [InlineData(7, 1200)]
    [InlineData(8, 1800)]
    [InlineData(9, 3600)]
    [InlineData(10, 7200)]
    [InlineData(11, 7200)]
    [InlineData(50, 7200)]
    public void RetryScheduleWaitsTheseSecondsAfterEachFailedTry(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutgoingEmail.DelayAfter(attempts));

    [Fact]
    public void RetryScheduleHasTenSteps() => Assert.Equal(10, OutgoingEmail.RetryDelays.Count);

    private static OutgoingEmail Sending(int attempts) =>
        new() { Id = Guid.NewGuid(), State = EmailState.Sending, Attempts = attempts, NextAttemptAtUtc = Now.AddDays(-1) };

    [Fact]
    public void ATemporaryFailureQueuesTheMessageAgainAfterTheScheduledDelay()
    {
        var email = Sending(attempts: 1);
        email.RecordFailure("SMTP 451: try again later", permanent: false, maxAttempts: 10, Now);
        Assert.Equal(EmailState.Queued, email.State);
        Assert.Equal(new DateTime(2026, 11, 27, 10, 0, 10, DateTimeKind.Utc), email.NextAttemptAtUtc);
        Assert.Equal("SMTP 451: try again later", email.LastError);

        var third = Sending(attempts: 3);
        third.RecordFailure("timeout", permanent: false, maxAttempts: 10, Now);
        Assert.Equal(new DateTime(2026, 11, 27, 10, 1, 0, DateTimeKind.Utc), third.NextAttemptAtUtc);
    }

    [Theory]
    [InlineData(9, 10, EmailState.Queued)]
    [InlineData(10, 10, EmailState.Failed)]
    [InlineData(11, 10, EmailState.Failed)]
    [InlineData(1, 1, EmailState.Failed)]
    [InlineData(1, 2, EmailState.Queued)]
    [InlineData(2, 2, EmailState.Failed)]
    public void TheLastAllowedTryFailsTheMessageForGood(int attempts, int maxAttempts, EmailState expected)
    {
        var email = Sending(attempts);
        email.RecordFailure("refused", permanent: false, maxAttempts, Now);
        Assert.Equal(expected, email.State);
    }

    [Fact]
    public void APermanentFailureFailsAtOnceAndKeepsTheReason()
    {
        var email = Sending(attempts: 1);
        email.RecordFailure("SMTP 550: mailbox unavailable", permanent: true, maxAttempts: 10, Now);
        Assert.Equal(EmailState.Failed, email.State);
        Assert.Equal("SMTP 550: mailbox unavailable", email.LastError);
    }

    [Fact]
    public void ALongReasonIsCutToAThousandCharacters()
    {
        var email = Sending(attempts: 1);
        email.RecordFailure(new string('x', 1001), permanent: true, maxAttempts: 10, Now);
        Assert.Equal(1000, email.LastError!.Length);
        var exact = Sending(attempts: 1);
        exact.RecordFailure(new string('y', 1000), permanent: true, maxAttempts: 10, Now);
        Assert.Equal(new string('y', 1000), exact.LastError);
    }

    [Theory]
    [InlineData(EmailState.Queued)]
    [InlineData(EmailState.Sent)]
    [InlineData(EmailState.Failed)]
    [InlineData(EmailState.Skipped)]
    public void OnlyAMessageBeingSentCanFailOrBeSkipped(EmailState state)
    {
        var email = new OutgoingEmail { State = state };
        var fail = Assert.Throws<InvalidOperationException>(() => email.RecordFailure("x", permanent: true, maxAttempts: 10, Now));
        var skip = Assert.Throws<InvalidOperationException>(email.Skip);
        Assert.Equal($"Only a message being sent can fail (this one is {state}).", fail.Message);
        Assert.Equal($"Only a message being sent can be skipped (this one is {state}).", skip.Message);
        Assert.Equal(state, email.State);
    }

    [Fact]
    public void AMessageBeingSentCanBeSkipped()
    {
        var email = Sending(attempts: 1);
        email.Skip();
        Assert.Equal(EmailState.Skipped, email.State);
    }

    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "refused connection", new SocketException((int)SocketError.ConnectionRefused), true },
        { "timeout", new TimeoutException(), true },
        { "client timeout (cancelled, not by us)", new OperationCanceledException(), true },
        { "I/O", new IOException("reset"), true },
        { "TLS handshake", new SslHandshakeException("bad certificate"), true },
        { "authentication", new AuthenticationException("535"), true },
        { "not authenticated", new ServiceNotAuthenticatedException("auth"), true },
        { "not connected", new ServiceNotConnectedException("gone"), true },
        { "protocol", new SmtpProtocolException("garbled"), true },
        { "400", Command(400), true },
        { "421", Command(421), true },
        { "451", Command(451), true },
        { "452", Command(452), true },
        { "499", Command(499), true },
        { "500", Command(500), false },
        { "550", Command(550), false },
        { "553", Command(553), false },
        { "554", Command(554), false },
        { "format", new FormatException(), false },
        { "argument", new ArgumentException("bad"), false },
        { "anything else", new InvalidOperationException(), false },
    };

    private static SmtpCommandException Command(int code) =>
        new(SmtpErrorCode.RecipientNotAccepted, (SmtpStatusCode)code, "reply");

    [Theory]
    [MemberData(nameof(Failures))]
    public void FailuresAreTemporaryOrPermanent(string what, Exception error, bool temporary) =>
        Assert.True(OutboxDispatcher.IsTemporary(error) == temporary, $"{what} should be {(temporary ? "temporary" : "permanent")}");

    [Fact]
    public void TheReasonShowsTheSmtpCodeOrTheErrorType()
    {
        Assert.Equal("SMTP 550: reply", OutboxDispatcher.Reason(Command(550)));
        Assert.Equal("TimeoutException: slow", OutboxDispatcher.Reason(new TimeoutException("slow")));
    }

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    [Fact]
    public void WithNothingQueuedTheDispatcherWaitsThePollInterval() =>
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDispatcher.IdleWait(null, Now, Poll));

    [Fact]
    public void TheDispatcherWakesWhenTheNextMessageIsDue() =>
        Assert.Equal(TimeSpan.FromSeconds(10), OutboxDispatcher.IdleWait(Now.AddSeconds(10), Now, Poll));

    [Fact]
    public void ALaterMessageIsWaitedForAtMostThePollInterval()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDispatcher.IdleWait(Now.AddMinutes(2), Now, Poll));
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDispatcher.IdleWait(Now.AddSeconds(30), Now, Poll));
    }

    [Fact]
    public void AMessageAlreadyDueNeverMakesATightLoop()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100), OutboxDispatcher.IdleWait(Now, Now, Poll));
        Assert.Equal(TimeSpan.FromMilliseconds(100), OutboxDispatcher.IdleWait(Now.AddMinutes(-5), Now, Poll));
        Assert.Equal(TimeSpan.FromMilliseconds(100), OutboxDispatcher.IdleWait(Now.AddMilliseconds(100), Now, Poll));
        Assert.Equal(TimeSpan.FromMilliseconds(101), OutboxDispatcher.IdleWait(Now.AddMilliseconds(101), Now, Poll));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void MaxAttemptsIsBetweenOneAndFifty(int maxAttempts, bool valid)
    {
        var result = new EmailOptionsValidator().Validate(null, new EmailOptions { MaxAttempts = maxAttempts });
        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void MaxAttemptsDefaultsToTen() => Assert.Equal(10, new EmailOptions().MaxAttempts);

    [Fact]
    public void PollIntervalDefaultsToThirtySeconds() => Assert.Equal(TimeSpan.FromSeconds(30), new EmailOptions().PollInterval);

    [Fact]
    public void AMessageCountsAsStuckInSendingAfterFiveMinutes() => Assert.Equal(TimeSpan.FromMinutes(5), new EmailOptions().SendingTimeout);

    [Fact]
    public void TheMessageIdIsTheRowIdOnTheSitesHostForEveryTry() =>
        Assert.Equal("0f8fad5bd9cb469fa16570867728950e@workshops.test",
            new OutgoingEmail { Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") }.MessageId("workshops.test"));
}
