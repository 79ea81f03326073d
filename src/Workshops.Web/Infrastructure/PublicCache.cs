using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// What every visitor sees the same: whole responses in the output cache (the programme, the calendar feed and
/// files; <see cref="Policy"/>), and the facts a workshop page is built from (<see cref="WorkshopAsync"/>), for
/// pages that also carry a per-visitor antiforgery token and so cannot be cached whole. Everything is dropped
/// after a committed write (<see cref="ICommitObserver"/>) and when another instance reports a change, except what the
/// write declared it left alone (<see cref="CommitScope"/>): a confirmed registration only marks its workshop's seat
/// count stale (the next page reads that one count again, not the workshop, its questions and proposals), and a place on
/// a waiting list changes nothing the public sees. The responses are dropped for any write that changed something public.
/// </summary>
public sealed class PublicCache(IOutputCacheStore store, TimeProvider time) : ICommitObserver
{
    /// <summary>The output-cache policy (and tag) of every public response that does not depend on the visitor.</summary>
    public const string Policy = "public";

    private readonly ConcurrentDictionary<string, WorkshopFacts> _workshops = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, long> _seatVersions = new();
    private long _generation;
    private long _seatClock;

    /// <summary>Changes on every invalidation; an entry made from data read before it is never served after it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Drops everything cached. Safe to call from any thread, any number of times.</summary>
    public async ValueTask InvalidateAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _generation);
        _workshops.Clear();
        await store.EvictByTagAsync(Policy, ct);
    }

    /// <inheritdoc />
    public async ValueTask AfterCommitAsync(CommitScope scope, CancellationToken ct)
    {
        if (scope.IsAnything)
        {
            await InvalidateAsync(ct);
        }
        else if (scope.SeatsOfWorkshop is { } workshopId)
        {
            // The workshop's seat count is stale for every entry read before this tick of the clock.
            var tick = Interlocked.Increment(ref _seatClock);
            _seatVersions.AddOrUpdate(workshopId, tick, (_, _) => tick);
            await store.EvictByTagAsync(Policy, ct); // the programme shows seats left
        }
    }

    private long SeatVersion(Guid workshopId) => _seatVersions.TryGetValue(workshopId, out var version) ? version : 0;

    private bool SeatsFresh(WorkshopFacts facts) => SeatVersion(facts.Workshop.Id) <= facts.SeatsReadAt;

    /// <summary>
    /// A workshop and its confirmed count, or null when no workshop has the slug (not cached). Availability is
    /// evaluated by the caller at its own time, so a deadline passing needs no invalidation.
    /// </summary>
    /// <remarks>
    /// <paramref name="reloadSeats"/> reads the seats taken again into cached facts whose workshop had a confirmed
    /// registration since (<see cref="CommitScope.SeatsOf"/>). Versions are read before the data, so a write committed
    /// meanwhile leaves the entry stale, never newer-looking than it is.
    /// </remarks>
    public async Task<WorkshopFacts?> WorkshopAsync(
        string? slug, Func<CancellationToken, Task<WorkshopFacts?>> load, Func<WorkshopFacts, CancellationToken, Task<WorkshopFacts>> reloadSeats, CancellationToken ct)
    {
        if (slug is null)
        {
            // Model binding gives null for a blank or whitespace route value: nothing to key on, nothing to cache.
            return await load(ct);
        }

        // Both clocks are read before the data: a write committed meanwhile makes the entry stale at once.
        var generation = Generation;
        var seatClock = Interlocked.Read(ref _seatClock);
        if (_workshops.TryGetValue(slug, out var cached) && cached.Generation == generation)
        {
            if (SeatsFresh(cached))
            {
                return cached;
            }

            var refreshed = await reloadSeats(cached, ct) with { SeatsReadAt = seatClock };
            _workshops.TryUpdate(slug, refreshed, cached);
            return refreshed;
        }

        var loaded = await load(ct);
        if (loaded is not null)
        {
            _workshops[slug] = loaded with { Generation = generation, SeatsReadAt = seatClock };
        }

        return loaded;
    }

    /// <summary>
    /// The workshop alone, for a page that shows no seats (the result page after a registration): a cached entry whose
    /// seat count is stale still holds the right workshop, so nothing is read for it; otherwise as <see cref="WorkshopAsync"/>.
    /// </summary>
    public async Task<Workshop?> WorkshopOnlyAsync(
        string? slug, Func<CancellationToken, Task<WorkshopFacts?>> load, Func<WorkshopFacts, CancellationToken, Task<WorkshopFacts>> reloadSeats, CancellationToken ct)
    {
        if (slug is not null && _workshops.TryGetValue(slug, out var cached) && cached.Generation == Generation)
        {
            return cached.Workshop;
        }

        return (await WorkshopAsync(slug, load, reloadSeats, ct))?.Workshop;
    }

    /// <summary>
    /// The part of an output-cache key that the visitor's request chooses: the language (from ?culture=, the cookie or
    /// Accept-Language, already resolved by the localization middleware) and the Helsinki minute, so a page whose
    /// availability depends on the time (a deadline, a start) is never older than the minute it was made in.
    /// </summary>
    internal KeyValuePair<string, string> VaryValue() =>
        new("culture-minute", string.Create(CultureInfo.InvariantCulture,
            $"{CultureInfo.CurrentUICulture.Name}|{HelsinkiTime.Now(time):yyyy-MM-dd HH:mm}"));
}

/// <summary>
/// A workshop as read at <see cref="Generation"/>, with its seats taken (confirmed plus open seat offers), the approved proposals its public page
/// shows (empty unless the organiser shows them) and the custom questions on its form, in form order. Read-only: shared
/// by requests (a registration reads the questions again inside its transaction).
/// </summary>
public sealed record WorkshopFacts(
    Workshop Workshop, int SeatsTaken, long Generation = 0, IReadOnlyList<PublicProposal>? Proposals = null, IReadOnlyList<WorkshopQuestion>? Questions = null,
    int OnlineSeatsTaken = 0)
{
    /// <summary>The public cache's seat clock when <see cref="SeatsTaken"/> was read (a later confirmed registration makes it stale).</summary>
    public long SeatsReadAt { get; init; }

    public IReadOnlyList<PublicProposal> PublicProposals => Proposals ?? [];

    /// <summary>The active custom questions of the workshop's form (empty when it has none).</summary>
    public IReadOnlyList<WorkshopQuestion> FormQuestions => Questions ?? [];
}

/// <summary>An approved proposal as the public sees it: the name only when the person chose to show it.</summary>
public sealed record PublicProposal(int Id, string Text, string? Theme, string? Name)
{
    public static PublicProposal From(Proposal p) => new(p.Id, p.Text, p.Theme, p.PublicName);
}
