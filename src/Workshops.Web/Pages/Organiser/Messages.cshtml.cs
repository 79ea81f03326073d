using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>Messages the outbox gave up on, with the recipient and the server's answer, and a "try again".</summary>
[Needs(Capability.ManageProgramme)]
public sealed class MessagesModel(WorkshopsDbContext db, MessagingService messaging, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public List<OutgoingEmail> Failed { get; private set; } = [];
    public int Queued { get; private set; }

    /// <summary>The workshops of failed messages to outside recipients (those have no registration to reach one through).</summary>
    public Dictionary<Guid, Workshop> Workshops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Failed = await db.OutgoingEmails.AsNoTracking()
            .Include(e => e.Registration).ThenInclude(r => r!.Workshop)
            .Where(e => e.State == EmailState.Failed)
            .OrderByDescending(e => e.CreatedAtUtc)
            .ToListAsync(ct);
        var outside = Failed.Where(e => e.Registration is null).Select(e => e.WorkshopId).Distinct().ToList();
        Workshops = await db.Workshops.AsNoTracking().Where(w => outside.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        Queued = await db.OutgoingEmails.CountAsync(e => e.State == EmailState.Queued || e.State == EmailState.Sending, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        TempData.SetNotice(await messaging.RequeueEmailAsync(id, organiser.Email, ct)
            ? l["Viesti on jonossa lähetettäväksi uudelleen."].Value
            : l["Viestiä ei voitu lähettää uudelleen (se on jo lähetetty tai henkilön tiedot on poistettu)."].Value);
        return RedirectToPage();
    }

    /// <summary>The Finnish label of an email's kind on the failed-emails page (translated by the organiser resources).</summary>
    public static string Kind(EmailKind kind) => kind switch
    {
        EmailKind.Confirmed => "Vahvistus",
        EmailKind.Waitlisted => "Jonoon",
        EmailKind.Promoted => "Paikka vapautui",
        EmailKind.Cancelled => "Peruutuksen vahvistus",
        EmailKind.Changed => "Muutosilmoitus",
        EmailKind.WorkshopCancelled => "Työpaja peruttu",
        EmailKind.DetailsCorrected => "Tietojen korjaus",
        EmailKind.AttendeeMessage => "Järjestäjän viesti",
        EmailKind.EventReminder => "Muistutus",
        EmailKind.Results => "Tulokset",
        EmailKind.PasswordChanged => "Salasanan vaihto",
        EmailKind.Reminder => "Ilmoittautumisen tiedot",
        EmailKind.FeedbackRequest => "Palautepyyntö",
        EmailKind.MemberInvitation => "Kutsu tiimiin",
        EmailKind.PasswordReset => "Salasanan palautus",
        EmailKind.SeatOffered => "Paikkatarjous",
        EmailKind.OfferExtended => "Paikkatarjousta jatkettu",
        EmailKind.OfferDeclined => "Paikkatarjous hylätty",
        EmailKind.OfferExpired => "Paikkatarjous päättyi",
        EmailKind.OfferWithdrawn => "Paikkatarjous peruttu",
        EmailKind.MemberNotice => "Ilmoitus tiimin jäsenelle",
        EmailKind.MemberDigest => "Päivän kooste tiimin jäsenelle",
        EmailKind.SelfEntry => "Osallistujatiedot rahoittajalle",
        EmailKind.Certificate => "Osallistumistodistus",
        _ => kind.ToString(), // a kind added without its label here: MessagesKindTests fails
    };
}
