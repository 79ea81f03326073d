using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Adding an outside recipient of a workshop's results: the form, then a confirmation page that shows the name, the
/// address and the language as they will be kept (nothing stored yet), then one audited write
/// (<see cref="ResultsService.AddRecipientAsync"/>). Results are sent to them from the results page, which lists them.
/// </summary>
[Needs(Capability.Message)]
public sealed class RecipientModel(ResultsService results, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    /// <summary>The input is valid and shown for confirmation.</summary>
    public bool Confirming { get; private set; }

    [BindProperty]
    public RecipientInput Recipient { get; set; } = new();

    public void OnGet()
    {
    }

    /// <summary>"Continue": checks the input and asks for confirmation; stores nothing.</summary>
    public void OnPostCheck() => Confirming = this.ValidateEvenIfNotPosted(Recipient, nameof(Recipient));

    /// <summary>"Change": back to the form with what was typed.</summary>
    public void OnPostEdit()
    {
    }

    /// <summary>"Add": checked again (the confirmation's fields are hidden fields, not trusted), then stored and audited.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!this.ValidateEvenIfNotPosted(Recipient, nameof(Recipient)))
        {
            return Page();
        }

        switch (await results.AddRecipientAsync(Workshop.Id, Recipient.Name!, Recipient.Email!, Recipient.Language!, organiser.Email, ct))
        {
            case RecipientAddOutcome.NotFound:
                return NotFound();
            case RecipientAddOutcome.AlreadyListed:
                ModelState.AddModelError("Recipient.Email", l["Tämä osoite on jo työpajan vastaanottajalistalla."]);
                return Page();
        }

        TempData.SetNotice(l["{0} lisättiin tulosten vastaanottajiin. Tuloksia ei ole vielä lähetetty.", Recipient.Name!.Trim()].Value);
        return RedirectToPage("Results", null, new { slug = Workshop.Slug }, "recipients");
    }
}
