using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>One workshop's feedback on the method: who was asked and answered, "send feedback requests now", close or reopen.</summary>
[Needs(Capability.ManageWorkshop)]
public sealed class FeedbackModel(
    WorkshopsDbContext db, FeedbackService feedback, IOptions<FeedbackOptions> options, SiteLinks links, CurrentWorkshop current,
    CurrentOrganiser organiser, TimeProvider time, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    /// <summary>The workshop now: requests may go once it has ended (<see cref="WorkshopLifecycle.MayAskFeedback"/>).</summary>
    public WorkshopLifecycle Life { get; private set; } = null!;

    /// <summary>Whether check-in was used (someone was marked arrived): then only those checked in are asked, otherwise the confirmed.</summary>
    public bool CheckInUsed { get; private set; }

    /// <summary>The walk-in feedback form's public address (on Site__PublicBaseUrl, not the host this page was asked on).</summary>
    public string WalkInUrl => links.WalkInFeedbackPage(Workshop.Slug);

    /// <summary>People who attended (<see cref="FeedbackRules.Attended"/>) and are not erased: who a request goes to.</summary>
    public int Participants { get; private set; }
    public int Requested { get; private set; }
    public int ParticipantAnswers { get; private set; }
    public int WalkInAnswers { get; private set; }

    /// <summary>When the automatic request is due (Helsinki time): <see cref="FeedbackOptions.Delay"/> after the end.</summary>
    public DateTime DueLocal => Life.FeedbackDueLocal(options.Value.Delay);
    public bool AutomaticEnabled => options.Value.Enabled;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Life = WorkshopLifecycle.At(Workshop, time);
        CheckInUsed = await db.CheckInUsedAsync(Workshop.Id, ct);
        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == Workshop.Id && r.ErasedAtUtc == null && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.Status, CheckedIn = r.CheckedInAtUtc != null, Requested = r.FeedbackRequestedAtUtc != null })
            .ToListAsync(ct);
        Participants = people.Count(p => FeedbackRules.Attended(p.Status, p.CheckedIn, CheckInUsed));
        Requested = people.Count(p => p.Requested);
        var sources = await db.FeedbackAnswers.AsNoTracking().Where(a => a.WorkshopId == Workshop.Id).Select(a => a.Source).ToListAsync(ct);
        ParticipantAnswers = sources.Count(s => s == FeedbackSource.Participant);
        WalkInAnswers = sources.Count(s => s == FeedbackSource.WalkIn);
    }

    [Needs(Capability.Message)]
    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var outcome = await feedback.SendNowAsync(Workshop.Id, organiser.Email, ct);
        TempData.SetNotice((!outcome.Found ? l["Peruttu työpaja ei kerää palautetta."]
            : outcome.Closed ? l["Palaute on suljettu: pyyntöjä ei lähetetty."]
            : outcome.TooEarly ? l["Työpaja ei ole vielä päättynyt: palautetta pyydetään vasta sen jälkeen. Pyyntöjä ei lähetetty."]
            : l["Palautepyyntö lähti {0} osallistujalle. Kukaan ei saa pyyntöä kahdesti.", outcome.Queued]).Value);
        return RedirectToPage(new { slug = Workshop.Slug });
    }

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => SetOpenAsync(false, ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => SetOpenAsync(true, ct);

    private async Task<IActionResult> SetOpenAsync(bool open, CancellationToken ct)
    {
        TempData.SetNotice((await feedback.SetOpenAsync(Workshop.Id, open, organiser.Email, ct)
            ? open ? l["Palaute on taas auki."] : l["Palaute on suljettu. Vastauksia ei voi enää antaa eikä muuttaa."]
            : l["Peruttu työpaja ei kerää palautetta."]).Value);
        return RedirectToPage(new { slug = Workshop.Slug });
    }
}
