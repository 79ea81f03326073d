using Microsoft.Extensions.Time.Testing;
using Workshops.Web.Email;

namespace Workshops.Tests.Email;

/// <summary>The dispatcher's wake-up: many commits, one pending wake-up, no exception thrown per commit.</summary>
public sealed class OutboxSignalTests
{
    [Fact]
    public async Task ManyWakesLeaveOneWakeUpAndThrowNothing()
    {
        var signal = new OutboxSignal();
        var thrown = 0;
        var thread = Environment.CurrentManagedThreadId;
        EventHandler<System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs> count = (_, e) =>
        {
            if (e.Exception is SemaphoreFullException && Environment.CurrentManagedThreadId == thread)
            {
                Interlocked.Increment(ref thrown);
            }
        };
        AppDomain.CurrentDomain.FirstChanceException += count;
        try
        {
            for (var i = 0; i < 100; i++)
            {
                signal.Wake();
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= count;
        }

        Assert.Equal(0, thrown);

        var time = new FakeTimeProvider();
        // The pending wake-up ends the first wait at once, without the clock moving.
        await signal.WaitAsync(TimeSpan.FromMinutes(1), time, CancellationToken.None);

        // It was one wake-up, not a hundred: the second wait lasts until its timeout.
        var second = signal.WaitAsync(TimeSpan.FromMinutes(1), time, CancellationToken.None);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));
        await second;
    }
}
