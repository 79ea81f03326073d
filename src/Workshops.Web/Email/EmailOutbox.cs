using System.Text.Json;
using Workshops.Web.Data;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Email;

/// <summary>
/// Adds messages to the outbox in the caller's unit of work: they are saved by the caller's
/// SaveChanges, in the caller's transaction, so a message exists exactly when its change does.
/// As an <see cref="ICommitObserver"/> it wakes the dispatcher after a commit that queued something.
/// </summary>
public sealed class EmailOutbox(WorkshopsDbContext db, OutboxSignal signal, TimeProvider time) : ICommitObserver
{
    /// <summary>
    /// Queues one message about <paramref name="registration"/>, sent after the surrounding write commits. Someone an
    /// organiser added without an email address gets nothing (there is nowhere to send it): no row is queued.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    public void Enqueue(Registration registration, EmailKind kind, PreviousSchedule? previous = null, AttendeeMessage? message = null, Guid? mailingKey = null)
    {
        WriteTransaction.EnsureOpen(db);
        if (registration.Email is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            Id = Guid.NewGuid(),
            // The registration may be new: EF fills the key in from the navigation on save.
            Registration = registration,
            Kind = kind,
            State = EmailState.Queued,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            PreviousScheduleJson = previous is null ? null : JsonSerializer.Serialize(previous),
            AttendeeMessageId = message?.Id,
            MailingKey = mailingKey,
        });
        _pending = true;
    }

    /// <summary>
    /// Queues one message to someone outside the registrations (the results to a city manager): no registration,
    /// its own name, address and language. The caller has validated the address as sendable.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    public void EnqueueToRecipient(Guid workshopId, EmailKind kind, string name, string email, string language, Guid? mailingKey = null)
    {
        WriteTransaction.EnsureOpen(db);
        var now = time.GetUtcNow().UtcDateTime;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            Id = Guid.NewGuid(),
            WorkshopId = workshopId,
            RecipientName = name,
            RecipientEmail = email,
            Language = language,
            Kind = kind,
            State = EmailState.Queued,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            MailingKey = mailingKey,
        });
        _pending = true;
    }

    /// <summary>Queues a notice to an organiser about their own account (<see cref="EmailKind.PasswordChanged"/>), in fi/sv/en.</summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    public void EnqueueToOrganiser(string email, EmailKind kind, string language)
    {
        WriteTransaction.EnsureOpen(db);
        var now = time.GetUtcNow().UtcDateTime;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            Id = Guid.NewGuid(),
            RecipientName = "",
            RecipientEmail = email,
            Language = language,
            Kind = kind,
            State = EmailState.Queued,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        });
        _pending = true;
    }

    /// <summary>Queues a notice to a member about registrations (<see cref="EmailKind.MemberNotice"/>, <see cref="EmailKind.MemberDigest"/>), in fi/sv/en.</summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    public void EnqueueMemberNotice(string email, string language, EmailKind kind, MemberNotice notice)
    {
        WriteTransaction.EnsureOpen(db);
        var now = time.GetUtcNow().UtcDateTime;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            Id = Guid.NewGuid(),
            // No WorkshopId: the workshops are in the JSON, and a draft with a queued notice may still be deleted.
            RecipientName = "",
            RecipientEmail = email,
            Language = language,
            Kind = kind,
            State = EmailState.Queued,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            NoticeJson = JsonSerializer.Serialize(notice),
        });
        _pending = true;
    }

    private bool _pending;

    /// <summary>Asks for a wake-up after the commit for a message made due by other means (a requeue).</summary>
    public void WakeAfterCommit() => _pending = true;

    /// <summary>Wakes the dispatcher so the committed messages leave within moments.</summary>
    public ValueTask AfterCommitAsync(Data.CommitScope scope, CancellationToken ct)
    {
        if (_pending)
        {
            _pending = false;
            signal.Wake();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Wakes the dispatcher when new messages are committed.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>
    /// Asks the dispatcher to look at the outbox now. Cheap when a wake-up is already pending (one wake-up covers
    /// every message committed meanwhile): the count is checked first, so a rush of commits does not throw and
    /// catch a <see cref="SemaphoreFullException"/> per commit; the catch stays for two commits racing past the check.
    /// </summary>
    public void Wake()
    {
        if (_wake.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another commit released it between the check and here: still one wake-up pending.
        }
    }

    /// <summary>Returns when woken or when <paramref name="timeout"/> has passed on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var wake = _wake.WaitAsync(race.Token);
        var delay = Task.Delay(timeout, time, race.Token);
        await Task.WhenAny(wake, delay);
        // Cancel the loser: a cancelled wait consumes no wake-up, so none is lost for the next round.
        await race.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
