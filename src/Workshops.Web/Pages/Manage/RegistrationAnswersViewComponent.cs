using Microsoft.AspNetCore.Mvc;
using Workshops.Web.Data;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Manage;

/// <summary>
/// The person's answers to the workshop's custom questions on their own page, read only. A view component, so the
/// manage page needs one line for it and loads nothing more itself.
/// </summary>
public sealed class RegistrationAnswersViewComponent(WorkshopsDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int registrationId, Guid workshopId)
    {
        var lines = (await db.PersonAnswersAsync(registrationId, workshopId, HttpContext.RequestAborted)).Lines(Cultures.Current);
        return View(lines);
    }
}
