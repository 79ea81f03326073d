using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Funder;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The funder's roster of one workshop (issue 26): for a participant activity, everyone who attended with their group,
/// organisation and its type, and whether the self-entry email went; for an open event, why there is none. Read only:
/// the emails go by themselves (<see cref="SelfEntryScan"/>).
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class RosterModel(WorkshopsDbContext db, FunderService funder, CurrentWorkshop current, IOptions<FunderOptions> options, TimeProvider time) : PageModel
{
    public Workshop Workshop => current.Workshop;

    /// <summary>The kind in force (the organiser's choice, else the format's default).</summary>
    public ActivityKind Kind => Workshop.Funder.KindFor(Workshop.Format);

    /// <summary>Whether <c>Funder__SelfEntryUrl</c> is set: without it nothing is sent.</summary>
    public bool SelfEntryConfigured => options.Value.SelfEntry is not null;

    public WorkshopLifecycle Life { get; private set; } = null!;
    public IReadOnlyList<RosterPerson> People { get; private set; } = [];

    /// <summary>For an open event: the registrants marked arrived (they are counted by head too).</summary>
    public int AttendedRegistrants { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Life = WorkshopLifecycle.At(Workshop, time);
        People = Kind == ActivityKind.ParticipantActivity ? await funder.RosterAsync(Workshop.Id, ct) : [];
        AttendedRegistrants = Kind == ActivityKind.OpenEvent
            ? await db.Registrations.CountAsync(r => r.WorkshopId == Workshop.Id && r.CheckedInAtUtc != null, ct)
            : 0;
    }
}
