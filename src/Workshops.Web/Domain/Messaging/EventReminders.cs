using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Messaging;

/// <summary>Settings under <c>Reminders__…</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether the automatic scan runs at all (an organiser can still send reminders by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hours before the start (Helsinki time; an all-day event's start is the start of its day) when reminders go.</summary>
    public int HoursBefore { get; set; } = 48;

    /// <summary>Minutes between two scans for due reminders.</summary>
    public int ScanIntervalMinutes { get; set; } = 10;
}

/// <summary>
/// The event reminder: an email to each confirmed registrant <see cref="ReminderOptions.HoursBefore"/> hours before the
/// start, with the time, the place or join link, the current calendar entry and the personal link. Each person is
/// reminded once per schedule: <see cref="Registration.ReminderSentAtUtc"/> and the workshop's Sequence it was sent for
/// (<see cref="Registration.ReminderSequence"/>) are written in the same transaction as the outbox row, so a postponed or
/// moved workshop reminds its people again for the new schedule, and never twice for one.
/// </summary>
public sealed class EventReminders(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    EmailOutbox outbox,
    AuditLog audit,
    IOptions<ReminderOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// Whether the automatic reminder of <paramref name="workshop"/> is due at <paramref name="nowUtc"/>: reminders are
    /// on, the workshop is upcoming (<see cref="WorkshopLifecycle.MayRemind"/>: published, not cancelled, not started),
    /// and now is at least <paramref name="hoursBefore"/> hours before the start.
    /// </summary>
    public static bool IsDue(Workshop workshop, DateTime nowUtc, int hoursBefore) =>
        workshop.Reminders.Enabled && WorkshopLifecycle.At(workshop, nowUtc) is { MayRemind: true } life
        && nowUtc >= life.ReminderFromUtc(hoursBefore);

    /// <summary>
    /// Queues the reminders due now, in one transaction; under PostgreSQL one instance does each run. People who
    /// registered after the reminder time (their confirmation came inside the window) are not reminded. Drafts (unpublished
    /// copies) are skipped: their date and place are not yet true.
    /// </summary>
    /// <returns>How many reminders were queued.</returns>
    public Task<int> SendDueAsync(CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (!await ScheduledJobLock.TryTakeAsync(db, PostgresLocks.EventReminders, c))
            {
                return 0;
            }

            var hours = options.Value.HoursBefore;
            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(HelsinkiTime.Now(time));
            var last = today.AddDays((hours / 24) + 2);
            var near = await db.Workshops.AsNoTracking()
                .Where(w => w.Date >= today.AddDays(-1) && w.Date <= last && w.Reminders.Enabled && w.Status != WorkshopStatus.Cancelled
                    && w.PublishedAtUtc != null) // a draft's facts are not yet true
                .ToListAsync(c);
            var queued = 0;
            foreach (var candidate in near.Where(w => IsDue(w, now, hours)))
            {
                var from = WorkshopLifecycle.At(candidate, now).ReminderFromUtc(hours);
                queued += await RemindAsync(candidate.Id, AuditEntry.System, r => r.CreatedAtUtc < from, c);
            }

            return queued;
        }, ct);

    /// <summary>
    /// An organiser's "send the reminder now": every confirmed registrant not yet reminded of the current schedule gets
    /// it, whenever they registered. Pressing it twice reminds nobody twice. Null for an unknown or cancelled workshop,
    /// or one that has started (<see cref="WorkshopLifecycle.MayRemind"/>).
    /// </summary>
    public Task<int?> SendNowAsync(Guid workshopId, string actor, CancellationToken ct = default) =>
        writes.RunAsync<int?>(async c =>
        {
            await workshopLock.LockAsync(db, workshopId, c);
            var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workshopId, c);
            if (workshop is null || !WorkshopLifecycle.At(workshop, time).MayRemind)
            {
                return null;
            }

            return await RemindAsync(workshopId, actor, _ => true, c);
        }, ct);

    /// <summary>
    /// How many confirmed registrants of the workshop have been reminded of its current schedule, and how many not yet
    /// (including those reminded of an earlier date, time or place).
    /// </summary>
    public async Task<(int Reminded, int NotYet)> CountsAsync(Guid workshopId, CancellationToken ct = default)
    {
        var sequence = await db.Workshops.Where(w => w.Id == workshopId).Select(w => w.Sequence).SingleAsync(ct);
        var sent = await db.Registrations
            .Where(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Confirmed && r.ErasedAtUtc == null)
            .Select(r => r.ReminderSentAtUtc != null && (r.ReminderSequence == null || r.ReminderSequence == sequence))
            .ToListAsync(ct);
        return (sent.Count(s => s), sent.Count(s => !s));
    }

    private async Task<int> RemindAsync(Guid workshopId, string actor, Func<Registration, bool> also, CancellationToken ct)
    {
        await workshopLock.LockAsync(db, workshopId, ct);
        // Read after the lock: a schedule change that committed meanwhile re-arms everyone reminded of the old one.
        var sequence = await db.Workshops.Where(w => w.Id == workshopId).Select(w => w.Sequence).SingleAsync(ct);
        var people = (await db.Registrations
                .Where(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Confirmed && r.ErasedAtUtc == null
                    && (r.ReminderSentAtUtc == null || (r.ReminderSequence != null && r.ReminderSequence != sequence)))
                .OrderBy(r => r.Id)
                .ToListAsync(ct))
            .Where(also)
            .ToList();
        if (people.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var person in people)
        {
            person.MarkReminded(now, sequence);
            outbox.Enqueue(person, EmailKind.EventReminder);
        }

        audit.Add(actor, AuditAction.RemindersSent, workshopId, detail: AuditDetail.Of(AuditDetailKind.Reminders, people.Count));
        return people.Count;
    }
}

/// <summary>Runs <see cref="EventReminders.SendDueAsync"/> at start-up and every <see cref="ReminderOptions.ScanIntervalMinutes"/> on the injected clock.</summary>
public sealed class EventReminderJob(
    IServiceScopeFactory scopes,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<EventReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Event reminders are switched off (Reminders__Enabled=false)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queued = await scope.ServiceProvider.GetRequiredService<EventReminders>().SendDueAsync(stoppingToken);
                if (queued > 0)
                {
                    logger.LogInformation("Event reminders: {Count} queued", queued);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unavailable: the next scan finds the same people still due.
                logger.LogError(ex, "Event reminder scan failed");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(options.Value.ScanIntervalMinutes), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
