using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>A sign-in sheet for the door: everyone with a seat, by name, with a signature column; prints on A4.</summary>
[Needs(Capability.ViewPersonalData)]
public sealed class SignInSheetModel(WorkshopsDbContext db, CurrentWorkshop current) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public List<Registration> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await AttendeeList.LoadAsync(db, Workshop.Id, AttendeeFilter.From("confirmed", null, "name"), ct);
}
