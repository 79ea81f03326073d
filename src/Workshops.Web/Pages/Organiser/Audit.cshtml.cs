using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>The audit log, newest first, a page at a time.</summary>
[Needs(Capability.ManageProgramme)]
public sealed class AuditModel(WorkshopsDbContext db, IStringLocalizer<OrganiserResource> l) : PageModel
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

    /// <summary>
    /// An entry's detail in the organiser's language: a structured detail (<see cref="AuditDetail"/>) worded by its
    /// kind, a free-text detail of an older row as it was written, or null.
    /// </summary>
    public string? Detail(AuditEntry entry)
    {
        if (AuditDetail.Parse(entry.Detail) is not { } detail)
        {
            return entry.Detail;
        }

        // The few arguments that are words get the wording the organiser pages use elsewhere; the rest are numbers, slugs and formats.
        string[] args = [.. detail.Args];
        if (detail.Kind == AuditDetailKind.Question && args.Length > 1 && Enum.TryParse<QuestionKind>(args[1], out var kind))
        {
            args[1] = l[OrganiserFormat.Kind(kind)];
        }
        else if (detail.Kind == AuditDetailKind.RegistrationStatus && args.Length > 0 && Enum.TryParse<RegistrationStatus>(args[0], out var status))
        {
            args[0] = l[OrganiserFormat.Status(status)];
        }

        return l[Wording(detail.Kind), args].Value;
    }

    /// <summary>The Finnish wording (the resource key) of a detail kind; {0}, {1}… are its arguments in order.</summary>
    public static string Wording(AuditDetailKind kind) => kind switch
    {
        AuditDetailKind.AttendeesExported => "osallistujalista {0}, {1} riviä, {2}",
        AuditDetailKind.ProposalsExported => "ehdotukset {0}, {1} riviä",
        AuditDetailKind.OutcomesExported => "tulokset {0}, {1} vastausta",
        AuditDetailKind.ReportExported => "raportti csv, {0}",
        AuditDetailKind.ReportOfAllExported => "raportti csv, kaikki työpajat",
        AuditDetailKind.WorkshopAddress => "osoite {0}",
        AuditDetailKind.WorkshopEdited => "ilmoitettu {0}, jonosta paikan sai {1}, paikkoja {2}",
        AuditDetailKind.PeopleNotified => "ilmoitettu {0}",
        AuditDetailKind.RegistrationStatus => "tila {0}",
        AuditDetailKind.HeadCount => "{0} kävijää",
        AuditDetailKind.HeadCountCleared => "kävijämäärä tyhjennetty",
        AuditDetailKind.EmailKind => "viestin tyyppi {0}",
        AuditDetailKind.AttendeeMessage => "viesti {0}, ryhmä {1}, {2} vastaanottajaa",
        AuditDetailKind.Reminders => "{0} muistutusta",
        AuditDetailKind.FeedbackAutomatic => "automaattisesti, {0} pyyntöä",
        AuditDetailKind.FeedbackByHand => "käsin, {0} pyyntöä",
        AuditDetailKind.ProposalsPurged => "{0} ehdotusta, säilytysaika {1} päivää",
        AuditDetailKind.RegistrationsPurged => "{0} ilmoittautumista, säilytysaika {1} päivää",
        AuditDetailKind.Question => "kysymys {0}, {1}",
        AuditDetailKind.QuestionNumber => "kysymys {0}",
        AuditDetailKind.WorkshopCopied => "lähde {0}, kopio {1}, {2} kysymystä",
        AuditDetailKind.ProposalMerged => "ehdotus {0} yhdistetty ehdotukseen {1}",
        AuditDetailKind.Proposal => "ehdotus {0}",
        AuditDetailKind.ResultsPublished => "julkaistu",
        AuditDetailKind.ResultsNotPublished => "ei julkaistu",
        AuditDetailKind.ResultsToParticipants => "osallistujille, {0} vastaanottajaa",
        AuditDetailKind.ResultsToOutsider => "yhdelle ulkopuoliselle vastaanottajalle",
        AuditDetailKind.Member => "jäsen {0}, rooli {1}",
        AuditDetailKind.ResultsToRecipient => "ulkopuoliselle vastaanottajalle {0}",
        AuditDetailKind.OutsideRecipient => "{0}, kieli {1}",
        AuditDetailKind.RecipientsPurged => "{0} ulkopuolista vastaanottajaa, säilytysaika {1} päivää",
        AuditDetailKind.OfferDeadline => "uusi määräaika {0}",
        AuditDetailKind.SelfEntry => "{0} itserekisteröintiviestiä",
        AuditDetailKind.FunderExported => "rahoittajan luvut {0}, {1}–{2}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(AuditAction action) => action switch
    {
        AuditAction.SignedIn => "Kirjautui sisään",
        AuditAction.SignedOut => "Kirjautui ulos",
        AuditAction.PasswordChanged => "Vaihtoi salasanan",
        AuditAction.TwoFactorEnabled => "Otti todennussovelluksen käyttöön",
        AuditAction.TwoFactorDisabled => "Poisti todennussovelluksen käytöstä",
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
        AuditAction.WorkshopPublished => "Julkaisi työpajan",
        AuditAction.WorkshopDeleted => "Poisti luonnoksen",
        AuditAction.AttendeeMessageSent => "Lähetti viestin osallistujille",
        AuditAction.RemindersSent => "Muistutukset lähetetty",
        AuditAction.ProposalApproved => "Hyväksyi ehdotuksen",
        AuditAction.ProposalHidden => "Piilotti ehdotuksen",
        AuditAction.ProposalMerged => "Yhdisti ehdotukset",
        AuditAction.ProposalTakenForward => "Merkitsi ehdotuksen jatkoon viedyksi",
        AuditAction.ProposalNotTakenForward => "Poisti ehdotuksen jatkoon viety -merkinnän",
        AuditAction.ResultsSaved => "Tallensi tulokset",
        AuditAction.ResultsSent => "Lähetti tulokset",
        AuditAction.ProposalsPurged => "Säilytysajan päättyminen: ehdotusten henkilötiedot poistettu",
        AuditAction.ProposalDeleted => "Poisti ehdotuksen pysyvästi",
        AuditAction.OutsideRecipientAdded => "Lisäsi tulosten ulkopuolisen vastaanottajan",
        AuditAction.OutsideRecipientErased => "Poisti ulkopuolisen vastaanottajan ja hänen tietonsa",
        AuditAction.FeedbackRequested => "Lähetti palautepyynnöt",
        AuditAction.CertificatesEmailed => "Lähetti todistukset osallistumisesta",
        AuditAction.FeedbackClosed => "Sulki palautteen",
        AuditAction.FeedbackReopened => "Avasi palautteen uudelleen",
        AuditAction.MemberInvited => "Kutsui jäsenen",
        AuditAction.ConfirmationResent => "Lähetti vahvistuksen uudelleen",
        AuditAction.InvitationAccepted => "Otti kutsun vastaan",
        AuditAction.MemberDisabled => "Poisti jäsenen käytöstä",
        AuditAction.MemberEnabled => "Palautti jäsenen käyttöön",
        AuditAction.PasswordReset => "Asetti uuden salasanan sähköpostin linkillä",
        AuditAction.OfferWithdrawn => "Perui paikkatarjouksen",
        AuditAction.OfferExtended => "Jatkoi paikkatarjouksen vastausaikaa",
        AuditAction.RegisteredOverCapacity => "Lisäsi ilmoittautujan ylipaikalle",
        AuditAction.SelfEntrySent => "Rahoittajan itserekisteröintiviestit lähetetty",
        _ => action.ToString(),
    };
}
