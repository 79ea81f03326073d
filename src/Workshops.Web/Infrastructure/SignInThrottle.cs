using System.Collections.Concurrent;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Slows password guessing per source (client address, IPv6 by /64) instead of locking accounts: wrong
/// passwords from one place never lock the real organiser out, who signs in from another.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int MaxTrackedSources = 10_000;

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> _sources = new();

    /// <summary>True when this source has used up its failed tries for now.</summary>
    public bool IsBlocked(string source) =>
        _sources.TryGetValue(source, out var entry) && entry.Failures >= MaxFailures && time.GetUtcNow() - entry.Since < Window;

    public void RecordFailure(string source)
    {
        var now = time.GetUtcNow();
        if (_sources.Count >= MaxTrackedSources)
        {
            foreach (var old in _sources.Where(s => now - s.Value.Since >= Window).Select(s => s.Key).ToList())
            {
                _sources.TryRemove(old, out _);
            }
        }

        _sources.AddOrUpdate(source, _ => (1, now), (_, entry) => now - entry.Since >= Window ? (1, now) : (entry.Failures + 1, entry.Since));
    }

    public void RecordSuccess(string source) => _sources.TryRemove(source, out _);
}
