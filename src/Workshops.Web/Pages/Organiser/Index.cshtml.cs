using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>The organisers' start page: every workshop (drafts marked) with its numbers; registration opened or closed, and drafts published, here.</summary>
public sealed class IndexModel(WorkshopsDbContext db, WorkshopService workshops, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public IReadOnlyList<(Workshop Workshop, WorkshopCounts Counts)> Workshops { get; private set; } = [];
    public int FailedEmails { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var workshops = await db.ProgrammeAsync(ct);
        var counts = await db.WorkshopCountsAsync(ct);
        Workshops = workshops.Select(w => (w, counts.GetValueOrDefault(w.Id, WorkshopCounts.None))).ToList();
        FailedEmails = await db.FailedEmailCountAsync(ct);
    }

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => SetOpenAsync(id, true, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => SetOpenAsync(id, false, ct);

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        var outcome = await workshops.PublishAsync(id, organiser.Email, ct);
        if (outcome == PublishOutcome.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice(outcome == PublishOutcome.CancelledDraft
            ? l["Peruttua luonnosta ei voi julkaista. Kopioi työpaja uudelleen."].Value
            : l["Työpaja julkaistiin: se näkyy nyt ohjelmassa, kalentereissa ja omassa osoitteessaan."].Value);
        return RedirectToPage();
    }

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
