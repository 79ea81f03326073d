using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// Once a day (and at start-up) erases the personal data of everyone registered for a workshop whose retention has run
/// out: <see cref="PrivacyOptions.RetentionDays"/> days after it, or the days set for that workshop to the funder's audit
/// rule (<see cref="Funder.FunderReporting.RetentionDays"/>), the names and organisations given with its proposals, and every
/// other column the model marks personal in a row tied to it (its outside recipients of the results: their list entries
/// and the outbox's copies; the addresses in their audit entries by <see cref="OutsideRecipientData.PurgeAsync"/>).
/// The anonymous rows stay, so the counts for the funder and the proposals' texts stay. Certificates of attendance keep
/// the holder's name (<see cref="PersonalColumns.KeptByThePurge{T}"/>) and are deleted
/// <see cref="CertificateOptions.RetentionYears"/> years after their workshop (<see cref="CertificateRules.ExpiresOn"/>).
/// </summary>
public sealed class RetentionPurge(
    IServiceScopeFactory scopes,
    IOptions<PrivacyOptions> options,
    IOptions<CertificateOptions> certificates,
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

    /// <summary>
    /// The Helsinki date on which <paramref name="workshop"/>'s people are erased: its own retention days
    /// (<see cref="Funder.FunderReporting.RetentionDays"/>), else <paramref name="siteDays"/> (Privacy__RetentionDays).
    /// </summary>
    public static DateOnly PurgeDate(Workshop workshop, int siteDays) => PurgeDate(workshop.Date, workshop.Funder.RetentionDaysOr(siteDays));

    /// <summary>The workshops whose purge date has come (Helsinki today), with the retention days each was kept for.</summary>
    private async Task<Dictionary<Guid, int>> DueAsync(WorkshopsDbContext db, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(HelsinkiTime.Now(time));
        var siteDays = options.Value.RetentionDays;
        // Every workshop is read (a few hundred rows at most): the day arithmetic per row stays in C# on both providers.
        var workshops = await db.Workshops.AsNoTracking().Where(w => w.Date < today).Select(w => new { w.Id, w.Date, w.Funder.RetentionDays }).ToListAsync(ct);
        return workshops.Where(w => PurgeDate(w.Date, w.RetentionDays ?? siteDays) <= today).ToDictionary(w => w.Id, w => w.RetentionDays ?? siteDays);
    }

    /// <summary>
    /// Erases what is due: the registrants of workshops whose <see cref="PurgeDate(Workshop, int)"/> has come, the names and
    /// organisations given with those workshops' proposals, walk-in visitors' written feedback, and then every other
    /// column the model marks personal in a row tied to those workshops (<see cref="PersonalColumns"/>): the name and
    /// address of an outside recipient of the results, on the workshop's list and in the outbox, say. The outside
    /// recipients are taken off the list and their addresses leave the audit log (<see cref="OutsideRecipientData.PurgeAsync"/>).
    /// </summary>
    /// <returns>How many registrations, proposals, outside recipients and other rows (their messages) had personal data erased.</returns>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
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
            var days = await DueAsync(db, c);
            var past = days.Keys.ToList();
            var proposals = await db.Proposals
                .Where(p => (p.Name != null || p.Organisation != null) && past.Contains(p.WorkshopId))
                .ToListAsync(c);
            foreach (var workshop in proposals.Where(p => p.ErasePersonalData(now)).GroupBy(p => p.WorkshopId))
            {
                audit.Add(AuditEntry.System, AuditAction.ProposalsPurged, workshop.Key,
                    detail: AuditDetail.Of(AuditDetailKind.ProposalsPurged, workshop.Count(), days[workshop.Key]));
            }

            // Walk-in visitors' written feedback goes after the same time (a visitor may have written a name).
            var walkIns = await FeedbackService.AnonymiseWalkInAsync(db, past, now, c);
            var due = await db.Registrations
                .Where(r => r.ErasedAtUtc == null && past.Contains(r.WorkshopId))
                .ToListAsync(c);
            if (due.Count > 0)
            {
                await PersonalData.EraseAsync(db, due, now, c, purge: true);
                foreach (var workshop in due.GroupBy(r => r.WorkshopId))
                {
                    audit.Add(AuditEntry.System, AuditAction.Purged, workshop.Key,
                        detail: AuditDetail.Of(AuditDetailKind.RegistrationsPurged, workshop.Count(), days[workshop.Key]));
                }
            }

            // What no rule above names goes by the model's marks: outside recipients' names and addresses first of all.
            // Their unsent copies are not sent to an erased address.
            await db.OutgoingEmails
                .Where(e => e.RegistrationId == null && e.WorkshopId != null && past.Contains(e.WorkshopId.Value) && (e.State == EmailState.Queued || e.State == EmailState.Failed))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Skipped), c);
            // Off the list (their marked columns go with the rest below), and their addresses out of the audit log.
            var recipients = await OutsideRecipientData.PurgeAsync(db, past, now, c);
            foreach (var (workshopId, count) in recipients)
            {
                audit.Add(AuditEntry.System, AuditAction.Purged, workshopId,
                    detail: AuditDetail.Of(AuditDetailKind.RecipientsPurged, count, days[workshopId]));
            }

            await db.SaveChangesAsync(c);
            var others = await PersonalColumns.EraseTiedToAsync(db, typeof(Workshop), past.Cast<object>().ToList(), c, purge: true);
            // Certificates keep the holder's name past the workshop's purge, until their own time is up.
            var today = DateOnly.FromDateTime(HelsinkiTime.Now(time));
            var certificatesGone = await CertificateService.DeleteExpiredAsync(db, today.AddYears(-certificates.Value.RetentionYears), c);
            return (due.Count + proposals.Count + recipients.Values.Sum() + others + certificatesGone, walkIns);
        }, ct);
        if (erased == 0 && walkIns == 0)
        {
            return 0;
        }

        await SqlitePragmas.CheckpointAfterErasureAsync(db, ct);
        logger.LogInformation("Retention purge: personal data of {Count} registrations, proposals and outside recipients' messages and the texts of {WalkIns} walk-in feedback answers erased", erased, walkIns);
        return erased;
    }
}
