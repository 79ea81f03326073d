namespace Workshops.Tests.Support;

/// <summary>Waits on a condition (checked every few milliseconds), failing with a message after a timeout.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}");
            }

            await Task.Yield();
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Moves a fake clock forward a step at a time until the condition holds: a background service
    /// that was not yet waiting when one step was taken still sees the next.
    /// </summary>
    public static async Task TrueWhileAdvancingAsync(
        Microsoft.Extensions.Time.Testing.FakeTimeProvider time, TimeSpan step, Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}");
            }

            time.Advance(step);
            await Task.Delay(20);
        }
    }
}
