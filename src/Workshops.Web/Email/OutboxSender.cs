using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Workshops.Web.Data;
using Workshops.Web.Domain;

namespace Workshops.Web.Email;

/// <summary>The database side of sending one message: claim it, mint its link, and record the result.</summary>
public sealed class OutboxSender(
    WorkshopsDbContext db,
    MessageComposer composer,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    /// <summary>
    /// Marks the row Sending and mints the manage token for this message (replacing the one from an
    /// earlier try), then renders the message outside the transaction. Null when there is nothing to send.
    /// </summary>
    public async Task<MimeMessage?> ClaimAndPrepareAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The claim is one conditional UPDATE, so two senders can never both take the same row.
        var claimed = await db.OutgoingEmails
            .Where(e => e.Id == id && e.State == EmailState.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, EmailState.Sending)
                .SetProperty(e => e.ClaimedAtUtc, now)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
        if (claimed == 0)
        {
            return null;
        }

        var outgoing = await db.OutgoingEmails
            .Include(e => e.Registration).ThenInclude(r => r!.Workshop)
            .SingleAsync(e => e.Id == id, ct);
        var registration = outgoing.Registration!;
        var workshop = registration.Workshop!;
        if (IsObsolete(outgoing.Kind, registration))
        {
            outgoing.State = EmailState.Skipped;
            await db.SaveChangesAsync(ct);
            return null;
        }

        var (token, hash) = ManageToken.Create();
        await db.ManageTokens.Where(t => t.OutgoingEmailId == id).ExecuteDeleteAsync(ct);
        db.ManageTokens.Add(new ManageToken { RegistrationId = registration.Id, OutgoingEmailId = id, Hash = hash, CreatedAtUtc = now });
        await db.SaveChangesAsync(ct);

        int? position = registration.Status == RegistrationStatus.Waitlisted
            ? await db.WaitingListPositionAsync(workshop.Id, registration.Id, ct)
            : null;
        return await composer.ComposeAsync(outgoing, registration, workshop, position, token);
    }

    public async Task MarkSentAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.OutgoingEmails.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.State, EmailState.Sent)
            .SetProperty(e => e.SentAtUtc, now)
            .SetProperty(e => e.LastError, (string?)null), ct);
    }

    public async Task MarkFailedAttemptAsync(Guid id, Exception error, bool permanent, CancellationToken ct)
    {
        var outgoing = await db.OutgoingEmails.SingleAsync(e => e.Id == id, ct);
        var giveUp = permanent || outgoing.Attempts >= options.Value.MaxAttempts;
        var message = error is MailKit.Net.Smtp.SmtpCommandException command
            ? $"SMTP {(int)command.StatusCode}: {command.Message}"
            : $"{error.GetType().Name}: {error.Message}";
        outgoing.LastError = message.Length > OutgoingEmail.ErrorMaxLength ? message[..OutgoingEmail.ErrorMaxLength] : message;
        outgoing.State = giveUp ? EmailState.Failed : EmailState.Queued;
        outgoing.NextAttemptAtUtc = time.GetUtcNow().UtcDateTime + OutboxDispatcher.DelayAfter(outgoing.Attempts);
        await db.SaveChangesAsync(ct);
        if (giveUp)
        {
            // No address in the log: the organiser sees the failed message and its recipient in the organiser area.
            logger.LogError("Outbox: message {MessageId} failed for good after {Attempts} tries: {Error}", id, outgoing.Attempts, error.GetType().Name);
        }
        else
        {
            logger.LogWarning("Outbox: message {MessageId} try {Attempts} failed ({Error}); next try at {NextAttempt:o}", id, outgoing.Attempts, error.GetType().Name, outgoing.NextAttemptAtUtc);
        }
    }

    /// <summary>A confirmation for someone who has since cancelled is no longer true; cancellations always go out.</summary>
    private static bool IsObsolete(EmailKind kind, Registration registration) =>
        registration.Status == RegistrationStatus.Cancelled && kind is not (EmailKind.Cancelled or EmailKind.WorkshopCancelled);
}
