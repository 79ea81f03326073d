using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Infrastructure;

/// <summary>The growing delay between sign-in tries, without a database.</summary>
public sealed class SignInDelayRulesTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 32)]
    [InlineData(6, 64)]
    [InlineData(7, 128)]
    [InlineData(11, 2048)]
    [InlineData(12, 3600)]
    [InlineData(1000, 3600)]
    public void TheWaitDoublesFromTheFifthFailureUpToAnHour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInFailures.DelayAfter(failures));

    [Fact]
    public void AWaitCountsFromTheLastFailureAndACountIsForgottenAfterADay()
    {
        var last = new DateTime(2028, 5, 30, 12, 0, 0, DateTimeKind.Utc);
        var row = new SignInFailures { Failures = 6, LastFailureAtUtc = last };

        Assert.Equal(TimeSpan.FromSeconds(64), row.WaitAt(last));
        Assert.Equal(TimeSpan.FromSeconds(4), row.WaitAt(last.AddSeconds(60)));
        Assert.Equal(TimeSpan.Zero, row.WaitAt(last.AddSeconds(64)));
        Assert.Equal(TimeSpan.Zero, new SignInFailures { Failures = 1000, LastFailureAtUtc = last }.WaitAt(last.AddHours(24)));
    }

    [Fact]
    public void KeysNeverHoldTheAddressItself()
    {
        var key = SignInThrottle.AccountKey(" Paula@Example.fi ");

        Assert.Equal(SignInThrottle.AccountKey("paula@example.fi"), key);
        Assert.Equal(64, key.Length);
        Assert.DoesNotContain("paula", key, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(SignInThrottle.SourceKey(System.Net.IPAddress.Parse("192.0.2.1")), SignInThrottle.SourceKey(System.Net.IPAddress.Parse("192.0.2.2")));
    }
}
