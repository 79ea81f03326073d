using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>The organisers' start page: every workshop (drafts marked) with its numbers; registration opened or closed here; drafts are published through their confirmation page.</summary>
public sealed class IndexModel(WorkshopsDbContext db, WorkshopService workshops, TimeProvider time, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    /// <summary>
    /// Workshops whose day has come and that have not ended (<see cref="WorkshopLifecycle"/>, Helsinki time): each gets a
    /// door shortcut at the top of the page.
    /// </summary>
    public IReadOnlyList<Workshop> AtTheDoor { get; private set; } = [];

    public IReadOnlyList<(Workshop Workshop, WorkshopCounts Counts)> Workshops { get; private set; } = [];
    public int FailedEmails { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var workshops = await db.ProgrammeAsync(ct);
        var counts = await db.WorkshopCountsAsync(ct);
        Workshops = workshops.Select(w => (w, counts.GetValueOrDefault(w.Id, WorkshopCounts.None))).ToList();
        FailedEmails = await db.FailedEmailCountAsync(ct);
        AtTheDoor = workshops.Where(w => WorkshopLifecycle.At(w, time) is { Stage: WorkshopStage.UnderWay } or { Stage: WorkshopStage.Upcoming, DayHasCome: true }).ToList();
    }

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => SetOpenAsync(id, true, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => SetOpenAsync(id, false, ct);

    private async Task<IActionResult> SetOpenAsync(Guid id, bool open, CancellationToken ct)
    {
        if (!await workshops.SetRegistrationOpenAsync(id, open, organiser.Email, ct))
        {
            return NotFound();
        }

        TempData.SetNotice((open ? l["Ilmoittautuminen avattiin."] : l["Ilmoittautuminen suljettiin."]).Value);
        return RedirectToPage();
    }
}
