using Workshops.Web.Domain.Accessibility;
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

    /// <summary>The organisation's type for the funder's count (optional on the form); personal data like <see cref="Organisation"/>.</summary>
    public Funder.OrganisationType? OrganisationType { get; set; }
    public HelixGroup Group { get; set; }
    public string? Needs { get; set; }

    /// <summary>The needs ticked on the form's checklist (<see cref="Accessibility.AccessNeeds"/>); personal data like <see cref="Needs"/>.</summary>
    public AccessNeeds AccessNeeds { get; set; }
    public string Language { get; set; } = "fi";
    public RegistrationStatus Status { get; set; }

    /// <summary>On site or online: a hybrid workshop's choice (<see cref="AttendanceModes.ModeOf"/>; other formats follow the format).</summary>
    public AttendanceMode Mode { get; set; }
    public DateTime ConsentedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public DateTime? CheckedInAtUtc { get; set; }

    /// <summary>True when the person marked themselves arrived (<see cref="CheckIn"/> with <c>self</c>, the venue code on their own page);
    /// false for an organiser's mark at the door, and while not arrived. Either way the arrival counts.</summary>
    public bool SelfCheckedIn { get; set; }

    /// <summary>Set when the person's details were replaced with anonymous values (on request or by the retention purge).</summary>
    public DateTime? ErasedAtUtc { get; set; }

    /// <summary>When the event reminder (<see cref="Email.EmailKind.EventReminder"/>) was last queued for this person: set in the
    /// same transaction as its outbox row, so nobody is reminded twice for one schedule, whichever instance or restart runs the scan.</summary>
    public DateTime? ReminderSentAtUtc { get; set; }

    /// <summary>The workshop's <see cref="Workshop.Sequence"/> that reminder was sent for: a schedule change raises it, so the person is
    /// reminded once more for the new schedule (<see cref="AwaitsReminder"/>). Null with <see cref="ReminderSentAtUtc"/> set: a reminder
    /// written before this column existed, counted as sent for the current schedule.</summary>
    public int? ReminderSequence { get; set; }

    /// <summary>When the feedback request was queued for this person (automatically or by an organiser): set in the same
    /// transaction as the outbox row, so nobody is asked twice, across restarts and instances.</summary>
    public DateTime? FeedbackRequestedAtUtc { get; set; }

    /// <summary>One above the same address's last round here (0 for the first), raised by a switch of mode too: the calendar UID is the
    /// workshop's, so a later round needs SEQUENCE numbers above the earlier ones' (<see cref="RegistrationRules.CalendarSequence"/>).</summary>
    public int CalendarRound { get; set; }

    /// <summary>Confirmed by an organiser's "add anyway" while every seat was taken (<see cref="RegistrationRules.SeatFor"/>).</summary>
    public bool OverCapacity { get; set; }

    /// <summary>The registration of the person who registered this one on the same form (a group's contact); null for oneself.</summary>
    public int? GroupContactId { get; set; }

    /// <summary>Answers to the workshop's custom questions (<see cref="RecordAnswers"/>); deleted when the person is erased.</summary>
    public List<RegistrationAnswer> Answers { get; set; } = [];

    /// <summary>
    /// A new registration with the data as typed (trimmed); every format asks for needs (issue 26: online too); a blank
    /// email is none. <paramref name="status"/> and <paramref name="overCapacity"/> come from <see cref="RegistrationRules.SeatFor"/>
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
            Name = TextRules.Nfc(request.Name.Trim()),
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : TextRules.Nfc(request.Email.Trim()),
            EmailNormalized = string.IsNullOrWhiteSpace(request.Email) ? null : TextRules.NormalizeEmail(request.Email),
            Organisation = TextRules.OptionalNfc(request.Organisation),
            OrganisationType = request.OrganisationType,
            Group = request.Group,
            Needs = TextRules.OptionalNfc(request.Needs),
            AccessNeeds = AccessNeedsSummary.Combine([request.AccessNeeds]),
            Language = request.Language,
            Status = status,
            Mode = workshop.ModeFor(request.Mode),
            ConsentedAtUtc = nowUtc,
            CreatedAtUtc = nowUtc,
            CalendarRound = calendarRound,
            OverCapacity = overCapacity,
            GroupContactId = request.GroupContactId,
        };
    }

    /// <summary>
    /// The person corrects their own name, organisation (and its type), group and needs (trimmed and NFC, as <see cref="Create"/> stores
    /// them). The email address is the registration's identity and the language follows the emails already sent, so
    /// neither changes here; nor do the status, the seat, the place in the queue (<see cref="Id"/>, <see cref="CreatedAtUtc"/>)
    /// or the calendar round.
    /// </summary>
    /// <returns>Whether anything changed (saving the form as it was changes nothing and sends nothing).</returns>
    /// <exception cref="InvalidOperationException">For a cancelled or erased registration: the caller must have read it under the lock.</exception>
    public bool CorrectDetails(RegistrantDetails details)
    {
        if (Status == RegistrationStatus.Cancelled || ErasedAtUtc is not null)
        {
            throw new InvalidOperationException($"Registration {Id} is {(ErasedAtUtc is null ? "cancelled" : "erased")}: its details cannot be corrected.");
        }

        var name = TextRules.Nfc(details.Name.Trim());
        var organisation = TextRules.OptionalNfc(details.Organisation);
        var needs = TextRules.OptionalNfc(details.Needs);
        var access = AccessNeedsSummary.Combine([details.AccessNeeds]);
        if (name == Name && organisation == Organisation && details.Group == Group && needs == Needs && access == AccessNeeds && details.OrganisationType == OrganisationType)
        {
            return false;
        }

        Name = name;
        (Organisation, OrganisationType) = (organisation, details.OrganisationType);
        Group = details.Group;
        (Needs, AccessNeeds) = (needs, access);
        return true;
    }

    /// <summary>Stores the answers to <paramref name="questions"/> (the workshop's questions on the form, read in the same
    /// transaction); answers to other questions and empty answers are dropped (<see cref="RegistrationAnswer.For"/>).</summary>
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
    /// the same transaction; <see cref="Answers"/> loaded), by the rule of <see cref="AnswerCorrection.Apply"/>: a changed
    /// answer is stored, an emptied one removed; an answer posted back as the form showed it, and answers to other
    /// questions (archived ones), stay exactly as they are.
    /// </summary>
    /// <returns>Whether any answer changed.</returns>
    /// <exception cref="InvalidOperationException">For a cancelled or erased registration: the caller must have read it under the lock.</exception>
    public bool CorrectAnswers(IEnumerable<WorkshopQuestion> questions, IReadOnlyList<AnswerRequest> answers)
    {
        if (Status == RegistrationStatus.Cancelled || ErasedAtUtc is not null)
        {
            throw new InvalidOperationException($"Registration {Id} is {(ErasedAtUtc is null ? "cancelled" : "erased")}: its answers cannot be corrected.");
        }

        return AnswerCorrection.Apply(Answers, questions, answers);
    }

    /// <summary>Whether this person has had the event reminder for the schedule at <paramref name="workshopSequence"/> (<see cref="ReminderSequence"/>).</summary>
    public bool WasRemindedFor(int workshopSequence) => ReminderSentAtUtc is not null && (ReminderSequence ?? workshopSequence) == workshopSequence;

    /// <summary>Whether this person is due an event reminder for the workshop's schedule at <paramref name="workshopSequence"/>:
    /// confirmed, not erased, and not yet reminded of that schedule (a reminder of an earlier one does not count).</summary>
    public bool AwaitsReminder(int workshopSequence) =>
        Status == RegistrationStatus.Confirmed && ErasedAtUtc is null && !WasRemindedFor(workshopSequence);

    /// <summary>Records that the reminder of the schedule at <paramref name="workshopSequence"/> was queued (at <paramref name="nowUtc"/>, UTC).</summary>
    /// <exception cref="InvalidOperationException">Unless <see cref="AwaitsReminder"/>: the caller reads both under the workshop's lock.</exception>
    public void MarkReminded(DateTime nowUtc, int workshopSequence)
    {
        if (!AwaitsReminder(workshopSequence))
        {
            throw new InvalidOperationException($"Registration {Id} is not due a reminder ({Status}, reminded {ReminderSentAtUtc:o} for sequence {ReminderSequence}).");
        }

        (ReminderSentAtUtc, ReminderSequence) = (nowUtc, workshopSequence);
    }

    /// <summary>Gives up the seat or the place in the queue.</summary>
    /// <returns>Whether a confirmed seat was freed (the caller then fills it from the waiting list).</returns>
    /// <exception cref="InvalidOperationException">When already cancelled, or checked in (an arrival is a fact the counts
    /// keep: <see cref="RegistrationPolicy.MayCancel"/>): the caller must have read both under the lock.</exception>
    public bool Cancel(DateTime nowUtc)
    {
        if (Status == RegistrationStatus.Cancelled || CheckedInAtUtc is not null)
        {
            throw new InvalidOperationException($"Registration {Id} is {(CheckedInAtUtc is null ? "already cancelled" : "checked in")}.");
        }

        var freedSeat = Status == RegistrationStatus.Confirmed;
        Status = RegistrationStatus.Cancelled;
        CancelledAtUtc = nowUtc;
        return freedSeat;
    }

    /// <summary>Moves a confirmed person to the other mode's free seat (found by the caller under the lock); the calendar round rises,
    /// so their entry's SEQUENCE does (<see cref="RegistrationRules.CalendarSequence"/>) and calendars replace it.</summary>
    /// <exception cref="InvalidOperationException">Unless confirmed, not erased, and <paramref name="to"/> differs.</exception>
    public void SwitchMode(AttendanceMode to)
    {
        if (Status != RegistrationStatus.Confirmed || ErasedAtUtc is not null || to == Mode)
        {
            throw new InvalidOperationException($"Registration {Id} ({Status}, {Mode}) cannot switch to {to}.");
        }

        (Mode, CalendarRound) = (to, CalendarRound + 1);
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

    /// <summary>Marks the person present (at <paramref name="nowUtc"/>) or not present; <paramref name="self"/> when they mark
    /// themselves arrived with the venue code (the caller has checked the code and the time).</summary>
    /// <returns>Whether anything changed: a double tap, or an arrival already marked by anyone, changes nothing.</returns>
    /// <exception cref="InvalidOperationException">For a cancelled registration; by oneself, unless confirmed and arriving.</exception>
    public bool CheckIn(bool present, DateTime nowUtc, bool self = false)
    {
        if (Status == RegistrationStatus.Cancelled || (self && (Status != RegistrationStatus.Confirmed || !present)))
        {
            throw new InvalidOperationException($"Registration {Id} is {Status}: {(self ? "only a confirmed person checks in by themselves" : "it cannot be checked in")}.");
        }

        if (present == CheckedInAtUtc.HasValue)
        {
            return false;
        }

        CheckedInAtUtc = present ? nowUtc : null;
        SelfCheckedIn = self;
        return true;
    }

    /// <summary>Whether this person is asked for feedback and may give it: not erased, and attended (<see cref="FeedbackRules.Attended"/>:
    /// checked in when <paramref name="checkInUsed"/> for the workshop, confirmed otherwise).</summary>
    public bool MayGiveFeedback(bool checkInUsed) => ErasedAtUtc is null && FeedbackRules.Attended(Status, CheckedInAtUtc is not null, checkInUsed);

    /// <summary>Records that the feedback request was queued now.</summary>
    /// <returns>False when it was already asked for (or the person may not give feedback): queue nothing then.</returns>
    public bool MarkFeedbackRequested(DateTime nowUtc, bool checkInUsed)
    {
        if (FeedbackRequestedAtUtc is not null || !MayGiveFeedback(checkInUsed))
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
        (Organisation, OrganisationType) = (null, null);
        (Needs, AccessNeeds) = (null, AccessNeeds.None);
        ErasedAtUtc = nowUtc;
        return true;
    }
}
