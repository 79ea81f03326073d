using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// Once a day (and at start-up) erases the personal data of everyone registered for a workshop that was more than
/// <see cref="PrivacyOptions.RetentionDays"/> days ago, the names and organisations given with its proposals, and its
/// outside recipients of results (<see cref="OutsideRecipientData.PurgeAsync"/>: the list, the outbox's copies, the
/// addresses in the audit log). The anonymous rows stay, so the counts for the funder and the proposals' texts stay.
/// </summary>
public sealed class RetentionPurge(
    IServiceScopeFactory scopes,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<RetentionPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unavailable; tomorrow's round catches up (the rule is by date, not by event).
                logger.LogError(ex, "Retention purge failed");
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The Helsinki date on which the registrants of a workshop held on <paramref name="workshopDate"/> are erased:
    /// <paramref name="retentionDays"/> full days after the workshop day (Privacy__RetentionDays, see the privacy notice).
    /// </summary>
    public static DateOnly PurgeDate(DateOnly workshopDate, int retentionDays) => workshopDate.AddDays(retentionDays + 1);

    /// <summary>The last workshop date whose registrants are purged today: the inverse of <see cref="PurgeDate"/>.</summary>
    public DateOnly Cutoff
    {
        get
        {
            var today = DateOnly.FromDateTime(HelsinkiTime.Now(time));
            return today.AddDays(today.DayNumber - PurgeDate(today, options.Value.RetentionDays).DayNumber);
        }
    }

    /// <summary>Erases what is due; returns how many registrations, proposals (names and organisations) and outside recipients were erased.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var cutoff = Cutoff;
        var (erased, walkIns) = await scope.ServiceProvider.GetRequiredService<WriteTransaction>().RunAsync(async c =>
        {
            // Several instances: one of them does each run (PostgreSQL advisory lock; always true on SQLite).
            if (!await ScheduledJobLock.TryTakeAsync(db, PostgresLocks.RetentionPurge, c))
            {
                logger.LogInformation("Retention purge: another instance is doing this run");
                return (0, 0);
            }

            // A proposal is personal data only when a name or an organisation was given: those are stripped, the text stays.
            var now = time.GetUtcNow().UtcDateTime;
            var proposals = await db.Proposals
                .Where(p => (p.Name != null || p.Organisation != null) && p.Workshop!.Date <= cutoff)
                .ToListAsync(c);
            foreach (var workshop in proposals.Where(p => p.ErasePersonalData(now)).GroupBy(p => p.WorkshopId))
            {
                audit.Add(AuditEntry.System, AuditAction.ProposalsPurged, workshop.Key,
                    detail: AuditDetail.Of(AuditDetailKind.ProposalsPurged, workshop.Count(), options.Value.RetentionDays));
            }

            // Outside recipients of the results (a city manager): the same time as the workshop's registrants.
            var recipients = await OutsideRecipientData.PurgeAsync(db, cutoff, c);
            foreach (var (workshopId, count) in recipients)
            {
                audit.Add(AuditEntry.System, AuditAction.Purged, workshopId,
                    detail: AuditDetail.Of(AuditDetailKind.RecipientsPurged, count, options.Value.RetentionDays));
            }

            // Walk-in visitors' written feedback goes after the same time (a visitor may have written a name).
            var walkIns = await FeedbackService.AnonymiseWalkInAsync(db, cutoff, time.GetUtcNow().UtcDateTime, c);
            var due = await db.Registrations
                .Where(r => r.ErasedAtUtc == null && r.Workshop!.Date <= cutoff)
                .ToListAsync(c);
            if (due.Count == 0)
            {
                return (proposals.Count + recipients.Values.Sum(), walkIns);
            }

            await PersonalData.EraseAsync(db, due, time.GetUtcNow().UtcDateTime, c);
            foreach (var workshop in due.GroupBy(r => r.WorkshopId))
            {
                audit.Add(AuditEntry.System, AuditAction.Purged, workshop.Key,
                    detail: AuditDetail.Of(AuditDetailKind.RegistrationsPurged, workshop.Count(), options.Value.RetentionDays));
            }

            return (due.Count + proposals.Count + recipients.Values.Sum(), walkIns);
        }, ct);
        if (erased == 0 && walkIns == 0)
        {
            return 0;
        }

        await SqlitePragmas.CheckpointAfterErasureAsync(db, ct);
        logger.LogInformation("Retention purge: personal data of {Count} registrations, proposals and outside recipients and the texts of {WalkIns} walk-in feedback answers erased", erased, walkIns);
        return erased;
    }
}
