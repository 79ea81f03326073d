using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Adding an outside recipient of a workshop's results: the form, then a confirmation page that shows the name, the
/// address and the language as they will be kept (nothing stored yet), then one audited write
/// (<see cref="ResultsService.AddRecipientAsync"/>). Results are sent to them from the results page, which lists them.
/// </summary>
public sealed class RecipientModel(WorkshopsDbContext db, ResultsService results, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;

    /// <summary>The input is valid and shown for confirmation.</summary>
    public bool Confirming { get; private set; }

    [BindProperty]
    public RecipientInput Recipient { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    /// <summary>"Continue": checks the input and asks for confirmation; stores nothing.</summary>
    public async Task<IActionResult> OnPostCheckAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Confirming = this.ValidateEvenIfNotPosted(Recipient, nameof(Recipient));
        return Page();
    }

    /// <summary>"Change": back to the form with what was typed.</summary>
    public async Task<IActionResult> OnPostEditAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    /// <summary>"Add": checked again (the confirmation's fields are hidden fields, not trusted), then stored and audited.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (!this.ValidateEvenIfNotPosted(Recipient, nameof(Recipient)))
        {
            return Page();
        }

        switch (await results.AddRecipientAsync(Workshop.Id, Recipient.Name!, Recipient.Email!, Recipient.Language!, User.Identity!.Name!, ct))
        {
            case RecipientAddOutcome.NotFound:
                return NotFound();
            case RecipientAddOutcome.AlreadyListed:
                ModelState.AddModelError("Recipient.Email", l["Tämä osoite on jo työpajan vastaanottajalistalla."]);
                return Page();
        }

        TempData["OrganiserNotice"] = l["{0} lisättiin tulosten vastaanottajiin. Tuloksia ei ole vielä lähetetty.", Recipient.Name!.Trim()].Value;
        return RedirectToPage("Results", null, new { slug }, "recipients");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return false;
        }

        Workshop = workshop;
        return true;
    }
}
