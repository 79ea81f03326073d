using Workshops.Web.Data;

namespace Workshops.Web.Domain.Privacy;

/// <summary>Writes audit entries: inside the caller's unit of work (<see cref="Add"/>) or on their own (<see cref="WriteAsync"/>).</summary>
public sealed class AuditLog(WorkshopsDbContext db, WriteTransaction writes, TimeProvider time)
{
    /// <summary>Adds an entry to the caller's unit of work: it is saved with (and only with) the change it describes.</summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    public void Add(string actor, AuditAction action, Guid? workshopId = null, int? registrationId = null, AuditDetail? detail = null)
    {
        var text = detail?.ToJson();
        WriteTransaction.EnsureOpen(db);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = actor.Length > AuditEntry.ActorMaxLength ? actor[..AuditEntry.ActorMaxLength] : actor,
            Action = action,
            WorkshopId = workshopId,
            RegistrationId = registrationId,
            // Arguments are short (numbers, slugs, formats): a cut would only show the raw JSON, never fail the change.
            Detail = text is { Length: > AuditEntry.DetailMaxLength } ? text[..AuditEntry.DetailMaxLength] : text,
        });
    }

    /// <summary>An entry that stands alone (a sign-in, an export), as its own write.</summary>
    public Task WriteAsync(string actor, AuditAction action, Guid? workshopId = null, AuditDetail? detail = null, CancellationToken ct = default) =>
        writes.RunAsync(_ =>
        {
            Add(actor, action, workshopId, null, detail);
            return Task.CompletedTask;
        }, ct);
}
