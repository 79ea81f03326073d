using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;
using Workshops.Web.Localization;

namespace Workshops.Web.Domain.Members;

/// <summary>Settings under <c>Notifications__…</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The Helsinki hour (0–23) from which the daily digest about the previous Helsinki day goes.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>Minutes between two scans (an "each" notice goes at most this long after its registration).</summary>
    public int ScanIntervalMinutes { get; set; } = 5;
}

/// <summary>
/// Members' notifications about registrations and cancellations (issue 25, item 4): their choices per workshop, and the
/// scan that queues the emails. The registration path is untouched: the scan reads registrations' own times
/// (<see cref="Registration.CreatedAtUtc"/>, <see cref="Registration.CancelledAtUtc"/>) after each subscription's watermark,
/// and moves the watermark in the same write as the outbox rows, so a restart or a second instance never sends one twice.
/// What a notice may say follows the member's role on that workshop: names and addresses only with
/// <see cref="Capability.ViewPersonalData"/> (an organiser of it, an administrator), counts otherwise.
/// </summary>
public sealed class NotificationService(
    WorkshopsDbContext db, WriteTransaction writes, IWorkshopLock workshopLock, EmailOutbox outbox, IOptions<NotificationOptions> options, TimeProvider time)
{
    /// <summary>
    /// Stores the member <paramref name="userId"/>'s <paramref name="choices"/> (workshop id → choice; a workshop they do
    /// not reach is ignored) and their email <paramref name="language"/> (fi/sv/en). An unchanged choice keeps its
    /// watermark; a new one starts now. One write. False for an unknown member.
    /// </summary>
    public Task<bool> ChooseAsync(string userId, IReadOnlyDictionary<Guid, NotificationChoice> choices, string language, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, c);
            if (user is null)
            {
                return false;
            }

            db.Entry(user).Property(MemberConfiguration.Language).CurrentValue = Cultures.IsSupported(language) ? language : Cultures.Default;
            var membership = await MembershipAsync(userId, c);
            var existing = await db.NotificationSubscriptions.Where(s => s.UserId == userId).ToDictionaryAsync(s => s.WorkshopId, c);
            var now = time.GetUtcNow().UtcDateTime;
            var local = HelsinkiTime.Now(time);
            foreach (var (workshopId, choice) in choices)
            {
                if (existing.TryGetValue(workshopId, out var old) && (old.Choice == choice || !Enum.IsDefined(choice)))
                {
                    continue;
                }

                if (old is not null)
                {
                    db.NotificationSubscriptions.Remove(old);
                    await db.SaveChangesAsync(c); // the same key may come back below
                }

                if (choice != NotificationChoice.None && Enum.IsDefined(choice) && membership.Reaches(workshopId)
                    && await db.Workshops.AnyAsync(w => w.Id == workshopId, c))
                {
                    db.NotificationSubscriptions.Add(NotificationSubscription.Start(
                        userId, workshopId, choice, now, DateOnly.FromDateTime(local), local.Hour >= options.Value.DigestHour));
                }
            }

            return true;
        }, ct);

    /// <summary>
    /// Queues the notices due now: every "each" notice since its watermark, and, from the digest hour on, each member's one
    /// digest of the previous Helsinki day (skipped when nothing happened). Disabled members get nothing, and a workshop
    /// no longer in a member's reach is left out. Under PostgreSQL one instance does each run.
    /// </summary>
    /// <returns>How many emails were queued.</returns>
    public Task<int> SendDueAsync(CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (!await ScheduledJobLock.TryTakeAsync(db, PostgresLocks.MemberNotifications, c))
            {
                return 0;
            }

            var subscriptions = await db.NotificationSubscriptions.OrderBy(s => s.WorkshopId).ThenBy(s => s.UserId).ToListAsync(c);
            if (subscriptions.Count == 0)
            {
                return 0;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var members = await MembersAsync(subscriptions.Select(s => s.UserId).Distinct().ToList(), now, c);
            var queued = 0;
            foreach (var group in subscriptions.Where(s => s.Choice == NotificationChoice.Each).GroupBy(s => s.WorkshopId))
            {
                // One writer per workshop under PostgreSQL: a registration committing meanwhile is seen now or next time.
                await workshopLock.LockAsync(db, group.Key, c);
                var from = group.Min(s => s.WatermarkUtc);
                var events = await db.Registrations.AsNoTracking()
                    .Where(r => r.WorkshopId == group.Key
                        && ((r.CreatedAtUtc > from && r.CreatedAtUtc <= now) || (r.CancelledAtUtc > from && r.CancelledAtUtc <= now)))
                    .Select(r => new { r.Id, r.CreatedAtUtc, r.CancelledAtUtc })
                    .ToListAsync(c);
                foreach (var subscription in group)
                {
                    if (members.TryGetValue(subscription.UserId, out var member) && member.Membership.Reaches(group.Key))
                    {
                        var names = member.Membership.May(Capability.ViewPersonalData, group.Key);
                        var mark = subscription.WatermarkUtc;
                        foreach (var e in events.Where(e => e.CreatedAtUtc > mark && e.CreatedAtUtc <= now).OrderBy(e => e.CreatedAtUtc))
                        {
                            outbox.EnqueueMemberNotice(member.Email, member.Language, EmailKind.MemberNotice,
                                new MemberNotice(names, [new NoticeWorkshop(group.Key, [e.Id], [])], e.CreatedAtUtc, now));
                            queued++;
                        }

                        foreach (var e in events.Where(e => e.CancelledAtUtc > mark && e.CancelledAtUtc <= now).OrderBy(e => e.CancelledAtUtc))
                        {
                            outbox.EnqueueMemberNotice(member.Email, member.Language, EmailKind.MemberNotice,
                                new MemberNotice(names, [new NoticeWorkshop(group.Key, [], [e.Id])], e.CancelledAtUtc!.Value, now));
                            queued++;
                        }
                    }

                    subscription.NotifiedUpTo(now);
                }
            }

            return queued + await DigestsAsync(subscriptions, members, c);
        }, ct);

    private async Task<int> DigestsAsync(List<NotificationSubscription> subscriptions, Dictionary<string, Member> members, CancellationToken ct)
    {
        var local = HelsinkiTime.Now(time);
        var today = DateOnly.FromDateTime(local);
        if (local.Hour < options.Value.DigestHour)
        {
            return 0;
        }

        // The previous Helsinki day, [00.00, 00.00) local, in UTC (23 or 25 hours at the clock changes).
        var fromUtc = HelsinkiTime.ToUtc(today.AddDays(-1).ToDateTime(TimeOnly.MinValue));
        var toUtc = HelsinkiTime.ToUtc(today.ToDateTime(TimeOnly.MinValue));
        var queued = 0;
        foreach (var mine in subscriptions.Where(s => s.AwaitsDigest(today)).GroupBy(s => s.UserId))
        {
            if (members.TryGetValue(mine.Key, out var member))
            {
                var workshops = new List<NoticeWorkshop>();
                var names = true;
                foreach (var subscription in mine.Where(s => member.Membership.Reaches(s.WorkshopId)))
                {
                    var day = await db.Registrations.AsNoTracking()
                        .Where(r => r.WorkshopId == subscription.WorkshopId
                            && ((r.CreatedAtUtc >= fromUtc && r.CreatedAtUtc < toUtc) || (r.CancelledAtUtc >= fromUtc && r.CancelledAtUtc < toUtc)))
                        .OrderBy(r => r.Id)
                        .Select(r => new { r.Id, r.CreatedAtUtc, r.CancelledAtUtc })
                        .ToListAsync(ct);
                    if (day.Count > 0)
                    {
                        workshops.Add(new NoticeWorkshop(subscription.WorkshopId,
                            [.. day.Where(r => r.CreatedAtUtc >= fromUtc && r.CreatedAtUtc < toUtc).Select(r => r.Id)],
                            [.. day.Where(r => r.CancelledAtUtc >= fromUtc && r.CancelledAtUtc < toUtc).Select(r => r.Id)]));
                        names &= member.Membership.May(Capability.ViewPersonalData, subscription.WorkshopId);
                    }
                }

                if (workshops.Count > 0)
                {
                    // One flag for the whole message: names only when the member may see them on every workshop in it.
                    outbox.EnqueueMemberNotice(member.Email, member.Language, EmailKind.MemberDigest, new MemberNotice(names, workshops, fromUtc, toUtc));
                    queued++;
                }
            }

            foreach (var subscription in mine)
            {
                subscription.DigestDone(today);
            }
        }

        return queued;
    }

    private sealed record Member(string Email, string Language, Membership Membership);

    /// <summary>The members who may be notified: not disabled, with an address.</summary>
    private async Task<Dictionary<string, Member>> MembersAsync(List<string> ids, DateTime nowUtc, CancellationToken ct)
    {
        var now = new DateTimeOffset(nowUtc, TimeSpan.Zero);
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.Email != null)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.LockoutEnd,
                Role = EF.Property<MemberRole>(u, MemberConfiguration.Role),
                Language = EF.Property<string>(u, MemberConfiguration.Language),
            })
            .ToListAsync(ct);
        var chosen = (await db.MemberWorkshops.Where(m => ids.Contains(m.UserId)).ToListAsync(ct)).ToLookup(m => m.UserId, m => m.WorkshopId);
        return users
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .ToDictionary(u => u.Id, u => new Member(u.Email!, u.Language, new Membership(u.Role, chosen[u.Id].ToHashSet())));
    }

    private async Task<Membership> MembershipAsync(string userId, CancellationToken ct) =>
        await db.MembershipAsync(userId, ct) ?? throw new InvalidOperationException($"No member {userId}.");
}

/// <summary>Runs <see cref="NotificationService.SendDueAsync"/> at start-up and every <see cref="NotificationOptions.ScanIntervalMinutes"/> on the injected clock.</summary>
public sealed class NotificationJob(
    IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queued = await scope.ServiceProvider.GetRequiredService<NotificationService>().SendDueAsync(stoppingToken);
                if (queued > 0)
                {
                    logger.LogInformation("Member notifications: {Count} queued", queued);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The watermarks did not move: the next scan finds the same events.
                logger.LogError(ex, "Member notification scan failed");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(Math.Max(1, options.Value.ScanIntervalMinutes)), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
