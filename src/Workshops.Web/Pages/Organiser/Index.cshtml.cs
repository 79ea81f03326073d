using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>The organisers' start page: every workshop the member reaches (drafts marked) with its numbers; registration opened or closed here; drafts are published through their confirmation page.</summary>
[Needs(Capability.Account)]
public sealed class IndexModel(
    WorkshopsDbContext db, WorkshopService workshops, TimeProvider time, CurrentOrganiser organiser, CurrentMember member, IStringLocalizer<OrganiserResource> l) : PageModel
{
    /// <summary>The signed-in member: the list shows the workshops they reach, and only the actions they may take.</summary>
    public Membership Member { get; private set; } = new(MemberRole.Viewer, new HashSet<Guid>());

    /// <summary>
    /// Workshops whose day has come and that have not ended (<see cref="WorkshopLifecycle"/>, Helsinki time) and whose door
    /// the member may keep: each gets a door shortcut at the top of the page.
    /// </summary>
    public IReadOnlyList<Workshop> AtTheDoor { get; private set; } = [];

    public IReadOnlyList<(Workshop Workshop, WorkshopCounts Counts)> Workshops { get; private set; } = [];
    public int FailedEmails { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Member = await member.OfAsync(User, ct) ?? Member;
        var workshops = await db.ProgrammeAsync(ct);
        var counts = await db.WorkshopCountsAsync(ct);
        Workshops = workshops.Where(w => Member.Reaches(w.Id)).Select(w => (w, counts.GetValueOrDefault(w.Id, WorkshopCounts.None))).ToList();
        FailedEmails = Member.May(Capability.ManageProgramme, null) ? await db.FailedEmailCountAsync(ct) : 0;
        AtTheDoor = workshops.Where(w => Member.May(Capability.CheckIn, w.Id)
            && WorkshopLifecycle.At(w, time) is { Stage: WorkshopStage.UnderWay } or { Stage: WorkshopStage.Upcoming, DayHasCome: true }).ToList();
    }

    [Needs(Capability.ManageWorkshop, WorkshopArgument = "id")]
    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => SetOpenAsync(id, true, ct);

    [Needs(Capability.ManageWorkshop, WorkshopArgument = "id")]
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
