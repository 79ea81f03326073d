using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>One workshop's feedback on the method: who was asked and answered, "send feedback requests now", close or reopen.</summary>
public sealed class FeedbackModel(
    WorkshopsDbContext db, FeedbackService feedback, IOptions<FeedbackOptions> options, SiteLinks links, TimeProvider time,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;

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

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSendAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        var outcome = await feedback.SendNowAsync(workshop.Id, User.Identity!.Name!, ct);
        TempData["OrganiserNotice"] = (!outcome.Found ? l["Peruttu työpaja ei kerää palautetta."]
            : outcome.Closed ? l["Palaute on suljettu: pyyntöjä ei lähetetty."]
            : outcome.TooEarly ? l["Työpaja ei ole vielä päättynyt: palautetta pyydetään vasta sen jälkeen. Pyyntöjä ei lähetetty."]
            : l["Palautepyyntö lähti {0} osallistujalle. Kukaan ei saa pyyntöä kahdesti.", outcome.Queued]).Value;
        return RedirectToPage(new { slug });
    }

    public Task<IActionResult> OnPostCloseAsync(string slug, CancellationToken ct) => SetOpenAsync(slug, false, ct);

    public Task<IActionResult> OnPostReopenAsync(string slug, CancellationToken ct) => SetOpenAsync(slug, true, ct);

    private async Task<IActionResult> SetOpenAsync(string slug, bool open, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = (await feedback.SetOpenAsync(workshop.Id, open, User.Identity!.Name!, ct)
            ? open ? l["Palaute on taas auki."] : l["Palaute on suljettu. Vastauksia ei voi enää antaa eikä muuttaa."]
            : l["Peruttu työpaja ei kerää palautetta."]).Value;
        return RedirectToPage(new { slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return false;
        }

        Workshop = workshop;
        Life = WorkshopLifecycle.At(workshop, time);
        CheckInUsed = await db.CheckInUsedAsync(workshop.Id, ct);
        var people = await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == workshop.Id && r.ErasedAtUtc == null && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.Status, CheckedIn = r.CheckedInAtUtc != null, Requested = r.FeedbackRequestedAtUtc != null })
            .ToListAsync(ct);
        Participants = people.Count(p => FeedbackRules.Attended(p.Status, p.CheckedIn, CheckInUsed));
        Requested = people.Count(p => p.Requested);
        var sources = await db.FeedbackAnswers.AsNoTracking().Where(a => a.WorkshopId == workshop.Id).Select(a => a.Source).ToListAsync(ct);
        ParticipantAnswers = sources.Count(s => s == FeedbackSource.Participant);
        WalkInAnswers = sources.Count(s => s == FeedbackSource.WalkIn);
        return true;
    }
}
