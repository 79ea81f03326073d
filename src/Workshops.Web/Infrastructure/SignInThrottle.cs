using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Failed organiser sign-ins counted under one key: a source (client address, IPv6 by /64) or an account (the address
/// typed, known or not). Only the SHA-256 of the key is stored, never the address itself. Kept in the database, so every
/// instance shares the counts and a restart forgets nothing.
/// </summary>
public sealed class SignInFailures
{
    /// <summary>Failures allowed before any wait: the fifth and later failures each make the next try wait.</summary>
    public const int FreeFailures = 5;

    /// <summary>The longest wait: one hour.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    /// <summary>A count with no new failure for this long starts again from nothing: 24 hours.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    /// <summary>SHA-256 of the key, hexadecimal (64 characters).</summary>
    public string Key { get; set; } = "";

    public int Failures { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastFailureAtUtc { get; set; }

    /// <summary>
    /// The wait after <paramref name="failures"/> failures: none before <see cref="FreeFailures"/>, then 2^failures seconds
    /// (32 s after the fifth, 64 s after the sixth, …) up to <see cref="MaxDelay"/>. A growing delay rather than a lockout,
    /// after OWASP's authentication cheat sheet and NIST SP 800-63B 5.2.2 (rate limiting, no permanent lock).
    /// </summary>
    public static TimeSpan DelayAfter(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero
        : failures >= 12 ? MaxDelay
        : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures), MaxDelay.TotalSeconds));

    /// <summary>How long a try at <paramref name="nowUtc"/> must still wait (zero: go ahead).</summary>
    public TimeSpan WaitAt(DateTime nowUtc)
    {
        if (nowUtc - LastFailureAtUtc >= ForgetAfter)
        {
            return TimeSpan.Zero;
        }

        var wait = LastFailureAtUtc + DelayAfter(Failures) - nowUtc;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}

/// <summary>
/// Slows password (and code) guessing per source and per account with a growing delay instead of locking accounts
/// (<see cref="SignInFailures.DelayAfter"/>). A browser that has signed in to the account before
/// (<see cref="KnownDevices"/>) is not held back by the account's count, so guesses from elsewhere never keep the real
/// organiser out. Each failure is one atomic upsert, outside the write seam on purpose: it is no domain change, decides
/// nothing under a workshop's lock, and must not wake the outbox or evict the public cache on every wrong password.
/// </summary>
public sealed class SignInThrottle(WorkshopsDbContext db, TimeProvider time)
{
    /// <summary>The stored key of a source (<see cref="RateLimiting.ClientKey"/>).</summary>
    public static string SourceKey(System.Net.IPAddress? address) => Hash("source:" + RateLimiting.ClientKey(address));

    /// <summary>The stored key of an account: the address as typed, trimmed, in upper case (as Identity normalises it).</summary>
    public static string AccountKey(string email) => Hash("account:" + email.Trim().ToUpperInvariant());

    /// <summary>The longest wait any of <paramref name="keys"/> asks for now; zero when a try may go ahead.</summary>
    public async Task<TimeSpan> WaitAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var rows = await db.SignInFailures.AsNoTracking().Where(f => keys.Contains(f.Key)).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return rows.Select(r => r.WaitAt(now)).DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    /// <summary>Counts one failure against each of <paramref name="keys"/>, and drops counts forgotten by now.</summary>
    public async Task RecordFailureAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var forgotten = now - SignInFailures.ForgetAfter;
        foreach (var key in keys)
        {
            // One statement on either provider: two instances counting the same key at once both count.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SignInFailures" ("Key", "Failures", "LastFailureAtUtc") VALUES ({key}, 1, {now})
                ON CONFLICT ("Key") DO UPDATE SET
                    "Failures" = CASE WHEN "SignInFailures"."LastFailureAtUtc" < {forgotten} THEN 1 ELSE "SignInFailures"."Failures" + 1 END,
                    "LastFailureAtUtc" = {now}
                """, ct);
        }

        await db.SignInFailures.Where(f => f.LastFailureAtUtc < forgotten).ExecuteDeleteAsync(ct);
    }

    /// <summary>A successful sign-in clears the account's count (the source's stays: it may be shared with a guesser).</summary>
    public Task ClearAsync(string accountKey, CancellationToken ct) =>
        db.SignInFailures.Where(f => f.Key == accountKey).ExecuteDeleteAsync(ct);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
