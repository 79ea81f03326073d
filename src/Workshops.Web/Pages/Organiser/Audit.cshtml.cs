using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain;

namespace Workshops.Web.Pages.Organiser;

/// <summary>The audit log, newest first, a page at a time.</summary>
public sealed class AuditModel(WorkshopsDbContext db) : PageModel
{
    public const int PageSize = 100;

    public List<AuditEntry> Entries { get; private set; } = [];
    public Dictionary<Guid, string> WorkshopTitles { get; private set; } = [];
    public bool HasMore { get; private set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(ct);
        HasMore = entries.Count > PageSize;
        Entries = entries.Take(PageSize).ToList();
        WorkshopTitles = await db.Workshops.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Title.Fi, ct);
    }

    public static string Label(AuditAction action) => action switch
    {
        AuditAction.SignedIn => "Kirjautui sisään",
        AuditAction.SignedOut => "Kirjautui ulos",
        AuditAction.PasswordChanged => "Vaihtoi salasanan",
        AuditAction.WorkshopCreated => "Loi työpajan",
        AuditAction.WorkshopEdited => "Muokkasi työpajaa",
        AuditAction.ScheduleChanged => "Muutti aikaa tai paikkaa",
        AuditAction.RegistrationOpened => "Avasi ilmoittautumisen",
        AuditAction.RegistrationClosed => "Sulki ilmoittautumisen",
        AuditAction.WorkshopCancelled => "Perui työpajan",
        AuditAction.HeadCountRecorded => "Kirjasi kävijämäärän",
        AuditAction.RegisteredByOrganiser => "Lisäsi ilmoittautujan",
        AuditAction.RegistrationCancelled => "Perui ilmoittautumisen",
        AuditAction.CheckedIn => "Merkitsi saapuneeksi",
        AuditAction.CheckInUndone => "Perui saapumismerkinnän",
        AuditAction.Erased => "Poisti henkilötiedot",
        AuditAction.Purged => "Säilytysajan päättyminen: henkilötiedot poistettu",
        AuditAction.Exported => "Latasi tiedot",
        AuditAction.EmailRequeued => "Lähetti viestin uudelleen",
        AuditAction.QuestionAdded => "Lisäsi kysymyksen",
        AuditAction.QuestionEdited => "Muokkasi kysymystä",
        AuditAction.QuestionMoved => "Siirsi kysymystä",
        AuditAction.QuestionRemoved => "Poisti kysymyksen",
        AuditAction.QuestionArchived => "Poisti vastauksia saaneen kysymyksen lomakkeelta (vastaukset säilyvät)",
        AuditAction.WorkshopCopied => "Kopioi työpajan",
        AuditAction.AttendeeMessageSent => "Lähetti viestin osallistujille",
        AuditAction.RemindersSent => "Muistutukset lähetetty",
        _ => action.ToString(),
    };
}
