using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Registrations;

/// <summary>One person's registration for one workshop. The Id grows with arrival order.</summary>
public sealed class Registration
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int OrganisationMaxLength = 200;
    public const int NeedsMaxLength = 1000;

    public int Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Null only for someone an organiser added without an address (at the door): no email, no manage link.</summary>
    public string? Email { get; set; }

    /// <summary>Lower-cased email: one active registration per address and workshop (people without one are not compared).</summary>
    public string? EmailNormalized { get; set; }
    public string? Organisation { get; set; }
    public HelixGroup Group { get; set; }
    public string? Needs { get; set; }
    public string Language { get; set; } = "fi";
    public RegistrationStatus Status { get; set; }
    public DateTime ConsentedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public DateTime? CheckedInAtUtc { get; set; }

    /// <summary>Set when the person's details were replaced with anonymous values (on request or by the retention purge).</summary>
    public DateTime? ErasedAtUtc { get; set; }

    /// <summary>
    /// When the event reminder (<see cref="Email.EmailKind.EventReminder"/>) was queued for this person: set in the same
    /// transaction as its outbox row, so nobody is reminded twice, whichever instance or restart runs the scan.
    /// </summary>
    public DateTime? ReminderSentAtUtc { get; set; }

    /// <summary>
    /// When the feedback request was queued for this person (automatically or by an organiser): set in the same
    /// transaction as the outbox row, so nobody is asked twice, across restarts and instances.
    /// </summary>
    public DateTime? FeedbackRequestedAtUtc { get; set; }

    /// <summary>
    /// How many earlier registrations the same address made for this workshop. A calendar entry's UID is the
    /// workshop's, so a person who cancels and registers again needs SEQUENCE numbers above those of their earlier
    /// rounds: <see cref="CalendarSequence(int, bool)"/>.
    /// </summary>
    public int CalendarRound { get; set; }

    /// <summary>Confirmed by an organiser's "add anyway" while every seat was taken (<see cref="RegistrationRules.SeatFor"/>).</summary>
    public bool OverCapacity { get; set; }

    /// <summary>The registration of the person who registered this one on the same form (a group's contact); null for oneself.</summary>
    public int? GroupContactId { get; set; }

    /// <summary>Answers to the workshop's custom questions (<see cref="RecordAnswers"/>); deleted when the person is erased.</summary>
    public List<RegistrationAnswer> Answers { get; set; } = [];

    /// <summary>
    /// The SEQUENCE of this person's entry: the workshop's, plus two per earlier round (an invitation and a
    /// cancellation each), plus one for a personal cancellation. It only rises for one person and UID, because the
    /// workshop's Sequence and the round only rise.
    /// </summary>
    public int CalendarSequence(int workshopSequence, bool personalCancel) =>
        CalendarSequence(workshopSequence, CalendarRound, personalCancel);

    /// <inheritdoc cref="CalendarSequence(int, bool)"/>
    public static int CalendarSequence(int workshopSequence, int calendarRound, bool personalCancel) =>
        workshopSequence + (2 * calendarRound) + (personalCancel ? 1 : 0);

    /// <summary>
    /// The uniqueness key of a mailbox: NFC, the domain in its IDNA ASCII form (<c>exämple.fi</c> and
    /// <c>xn--exmple-cua.fi</c> are one domain), and lower case throughout, so one person written two ways is one person.
    /// </summary>
    public static string NormalizeEmail(string email)
    {
        var text = Nfc(email.Trim());
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            return text.ToLowerInvariant();
        }

        var domain = text[(at + 1)..];
        try
        {
            domain = new System.Globalization.IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            // Not a deliverable domain (validation refuses it): compare it as written.
        }

        return Nfc(text[..at].ToLowerInvariant()) + "@" + domain.ToLowerInvariant();
    }

    /// <summary>
    /// Unicode NFC, so a decomposed "a" + combining diaeresis is the same text as "ä". Text that cannot be normalised
    /// (a lone surrogate) stays as it is, for validation to refuse.
    /// </summary>
    public static string Nfc(string text)
    {
        try
        {
            return text.Normalize(System.Text.NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>
    /// A new registration with the data as typed (trimmed); needs only where the workshop asks for them; a blank email
    /// is none. <paramref name="status"/> and <paramref name="overCapacity"/> come from <see cref="RegistrationRules.SeatFor"/>
    /// under the workshop lock.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="status"/> is Cancelled.</exception>
    public static Registration Create(Workshop workshop, RegistrationRequest request, RegistrationStatus status, DateTime nowUtc, int calendarRound = 0, bool overCapacity = false)
    {
        if (status == RegistrationStatus.Cancelled)
        {
            throw new ArgumentException("A new registration holds or waits for a seat.", nameof(status));
        }

        return new Registration
        {
            WorkshopId = workshop.Id,
            Name = Nfc(request.Name.Trim()),
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : Nfc(request.Email.Trim()),
            EmailNormalized = string.IsNullOrWhiteSpace(request.Email) ? null : NormalizeEmail(request.Email),
            Organisation = Optional(request.Organisation),
            Group = request.Group,
            Needs = workshop.AsksForNeeds ? Optional(request.Needs) : null,
            Language = request.Language,
            Status = status,
            ConsentedAtUtc = nowUtc,
            CreatedAtUtc = nowUtc,
            CalendarRound = calendarRound,
            OverCapacity = overCapacity,
            GroupContactId = request.GroupContactId,
        };
    }

    /// <summary>
    /// The person corrects their own name, organisation, group and needs (trimmed and NFC, as <see cref="Create"/> stores
    /// them). The email address is the registration's identity and the language follows the emails already sent, so
    /// neither changes here; nor do the status, the seat, the place in the queue (<see cref="Id"/>, <see cref="CreatedAtUtc"/>)
    /// or the calendar round. Needs change only where the workshop asks for them (<paramref name="asksForNeeds"/>);
    /// otherwise what is stored stays, as the form does not show it.
    /// </summary>
    /// <returns>Whether anything changed (saving the form as it was changes nothing and sends nothing).</returns>
    /// <exception cref="InvalidOperationException">For a cancelled or erased registration: the caller must have read it under the lock.</exception>
    public bool CorrectDetails(RegistrantDetails details, bool asksForNeeds)
    {
        if (Status == RegistrationStatus.Cancelled || ErasedAtUtc is not null)
        {
            throw new InvalidOperationException($"Registration {Id} is {(ErasedAtUtc is null ? "cancelled" : "erased")}: its details cannot be corrected.");
        }

        var name = Nfc(details.Name.Trim());
        var organisation = Optional(details.Organisation);
        var needs = asksForNeeds ? Optional(details.Needs) : Needs;
        if (name == Name && organisation == Organisation && details.Group == Group && needs == Needs)
        {
            return false;
        }

        Name = name;
        Organisation = organisation;
        Group = details.Group;
        Needs = needs;
        return true;
    }

    /// <summary>Optional text as stored: null when blank, otherwise trimmed and NFC.</summary>
    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Nfc(text.Trim());

    /// <summary>
    /// Stores the answers to <paramref name="questions"/> (the workshop's questions on the form, read in the same
    /// transaction); answers to other questions and empty answers are dropped (<see cref="RegistrationAnswer.For"/>).
    /// </summary>
    public void RecordAnswers(IEnumerable<WorkshopQuestion> questions, IReadOnlyList<AnswerRequest> answers)
    {
        foreach (var question in questions)
        {
            if (answers.FirstOrDefault(a => a.QuestionId == question.Id) is { } request && RegistrationAnswer.For(question, request) is { } answer)
            {
                Answers.Add(answer);
            }
        }
    }

    /// <summary>
    /// The person corrects their answers to <paramref name="questions"/> (the workshop's questions on the form, read in
    /// the same transaction; <see cref="Answers"/> loaded): each answer is stored as <see cref="RegistrationAnswer.For"/>
    /// gives it, an emptied one is removed. Answers to other questions (archived ones) stay untouched.
    /// </summary>
    /// <returns>Whether any answer changed.</returns>
    /// <exception cref="InvalidOperationException">For a cancelled or erased registration: the caller must have read it under the lock.</exception>
    public bool CorrectAnswers(IEnumerable<WorkshopQuestion> questions, IReadOnlyList<AnswerRequest> answers)
    {
        if (Status == RegistrationStatus.Cancelled || ErasedAtUtc is not null)
        {
            throw new InvalidOperationException($"Registration {Id} is {(ErasedAtUtc is null ? "cancelled" : "erased")}: its answers cannot be corrected.");
        }

        var changed = false;
        foreach (var question in questions)
        {
            var stored = Answers.FirstOrDefault(a => a.QuestionId == question.Id);
            var corrected = answers.FirstOrDefault(a => a.QuestionId == question.Id) is { } request ? RegistrationAnswer.For(question, request) : null;
            if (corrected is null)
            {
                changed |= stored is not null && Answers.Remove(stored);
            }
            else if (stored is null)
            {
                Answers.Add(corrected);
                changed = true;
            }
            else if (stored.OptionKeys != corrected.OptionKeys || stored.Text != corrected.Text)
            {
                stored.OptionKeys = corrected.OptionKeys;
                stored.Text = corrected.Text;
                stored.QuestionText = corrected.QuestionText;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Whether this person is due an event reminder: confirmed, not erased and not reminded yet.</summary>
    public bool AwaitsReminder => Status == RegistrationStatus.Confirmed && ErasedAtUtc is null && ReminderSentAtUtc is null;

    /// <summary>Records that the reminder was queued (at <paramref name="nowUtc"/>, UTC).</summary>
    /// <exception cref="InvalidOperationException">Unless <see cref="AwaitsReminder"/>: the caller reads it under the lock.</exception>
    public void MarkReminded(DateTime nowUtc)
    {
        if (!AwaitsReminder)
        {
            throw new InvalidOperationException($"Registration {Id} is not due a reminder ({Status}, reminded {ReminderSentAtUtc:o}).");
        }

        ReminderSentAtUtc = nowUtc;
    }

    /// <summary>Gives up the seat or the place in the queue.</summary>
    /// <returns>Whether a confirmed seat was freed (the caller then fills it from the waiting list).</returns>
    /// <exception cref="InvalidOperationException">When already cancelled: the caller must have read the status under the lock.</exception>
    public bool Cancel(DateTime nowUtc)
    {
        if (Status == RegistrationStatus.Cancelled)
        {
            throw new InvalidOperationException($"Registration {Id} is already cancelled.");
        }

        var freedSeat = Status == RegistrationStatus.Confirmed;
        Status = RegistrationStatus.Cancelled;
        CancelledAtUtc = nowUtc;
        return freedSeat;
    }

    /// <summary>Moves a waiting person into a freed seat.</summary>
    /// <exception cref="InvalidOperationException">Unless waitlisted.</exception>
    public void Promote()
    {
        if (Status != RegistrationStatus.Waitlisted)
        {
            throw new InvalidOperationException($"Only a waitlisted registration can be promoted (registration {Id} is {Status}).");
        }

        Status = RegistrationStatus.Confirmed;
    }

    /// <summary>Marks the person present (at <paramref name="nowUtc"/>) or not present.</summary>
    /// <returns>Whether anything changed (a double tap on a slow phone changes nothing).</returns>
    /// <exception cref="InvalidOperationException">For a cancelled registration.</exception>
    public bool CheckIn(bool present, DateTime nowUtc)
    {
        if (Status == RegistrationStatus.Cancelled)
        {
            throw new InvalidOperationException($"Registration {Id} is cancelled and cannot be checked in.");
        }

        if (present == CheckedInAtUtc.HasValue)
        {
            return false;
        }

        CheckedInAtUtc = present ? nowUtc : null;
        return true;
    }

    /// <summary>Whether this person is asked for feedback and may give it (<see cref="FeedbackRules.IsParticipant"/>), and not erased.</summary>
    public bool MayGiveFeedback => ErasedAtUtc is null && FeedbackRules.IsParticipant(Status, CheckedInAtUtc is not null);

    /// <summary>Records that the feedback request was queued now.</summary>
    /// <returns>False when it was already asked for (or the person may not give feedback): queue nothing then.</returns>
    public bool MarkFeedbackRequested(DateTime nowUtc)
    {
        if (FeedbackRequestedAtUtc is not null || !MayGiveFeedback)
        {
            return false;
        }

        FeedbackRequestedAtUtc = nowUtc;
        return true;
    }

    /// <summary>
    /// Replaces name, email, organisation and needs with anonymous values; the row stays for the counts.
    /// The answers to custom questions are deleted with the rest of the personal data by <see cref="PersonalData"/>.
    /// Erasing twice changes nothing. Manage links and unsent mail are handled by <see cref="PersonalData"/>.
    /// </summary>
    /// <returns>Whether anything was erased now.</returns>
    public bool Erase(DateTime nowUtc)
    {
        if (ErasedAtUtc is not null)
        {
            return false;
        }

        Name = PersonalData.ErasedName;
        Email = Email is null ? null : PersonalData.ErasedEmail(Id);
        EmailNormalized = Email;
        Organisation = null;
        Needs = null;
        ErasedAtUtc = nowUtc;
        return true;
    }
}
