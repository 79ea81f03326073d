using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The workshop's event reminder: when the automatic one goes, how many confirmed registrants have had it, and a button
/// to send it now to those who have not (pressing it twice reminds nobody twice).
/// </summary>
[Needs(Capability.Message)]
public sealed class ReminderModel(
    EventReminders reminders,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    CurrentWorkshop current,
    CurrentOrganiser organiser,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public int Reminded { get; private set; }
    public int NotYet { get; private set; }
    public ReminderOptions Options => options.Value;

    /// <summary>The workshop now: whether reminders may still go (<see cref="WorkshopLifecycle.MayRemind"/>) and when.</summary>
    public WorkshopLifecycle Life { get; private set; } = null!;

    /// <summary>When the automatic reminder goes or went (UTC): <see cref="ReminderOptions.HoursBefore"/> before the start.</summary>
    public DateTime AutomaticAtUtc => Life.ReminderFromUtc(Options.HoursBefore);

    /// <summary>Whether that moment has passed (the page then says the reminder went, not that it will go).</summary>
    public bool AutomaticHasGone => Life.NowUtc >= AutomaticAtUtc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Life = WorkshopLifecycle.At(Workshop, time);
        (Reminded, NotYet) = await reminders.CountsAsync(Workshop.Id, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var sent = await reminders.SendNowAsync(Workshop.Id, organiser.Email, ct);
        TempData.SetNotice(sent switch
        {
            null when Workshop.Status != WorkshopStatus.Cancelled => l["Työpaja on jo alkanut, joten muistutuksia ei enää lähetetä."].Value,
            null => l["Peruttuun työpajaan ei lähetetä muistutuksia."].Value,
            0 => l["Kaikki vahvistetut ilmoittautujat ovat jo saaneet muistutuksen."].Value,
            _ => l["Muistutus lähtee {0} vahvistetulle ilmoittautujalle.", sent].Value,
        });
        return RedirectToPage("Reminder", new { slug = Workshop.Slug });
    }
}
