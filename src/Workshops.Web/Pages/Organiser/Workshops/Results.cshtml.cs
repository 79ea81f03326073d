using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// A workshop's results: the summary (fi/sv/en), the "published" switch, a preview with the proposals taken forward, and
/// sending them by email to participants and to an outside recipient (each form once: its key is unique in the database).
/// </summary>
public sealed class ResultsModel(
    WorkshopsDbContext db, ResultsService results, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public List<Proposal> TakenForward { get; private set; } = [];

    /// <summary>Confirmed participants (checked in or not) who can be written to and have not had the results yet.</summary>
    public int NotYetSent { get; private set; }

    /// <summary>A fresh key for the "email to participants" form each time the page is shown.</summary>
    public Guid ParticipantsKey { get; } = Guid.NewGuid();

    [BindProperty]
    public ResultsInput Input { get; set; } = new();

    [BindProperty]
    public RecipientInput Recipient { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = ResultsInput.From(Workshop);
        Recipient = new RecipientInput { FormKey = Guid.NewGuid() };
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        ModelState.KeepOnly("Input");
        await LoadAsync(ct);
        if (ModelState.IsValid)
        {
            switch (await results.SaveAsync(Workshop.Id, Input.ToSummary(), Input.Publish, organiser.Email, ct))
            {
                case ResultsSaveOutcome.NotFound:
                    return NotFound();
                case ResultsSaveOutcome.TooEarly:
                    ModelState.AddModelError("Input.Publish", l["Tulokset voi julkaista vasta työpajan päivänä tai sen jälkeen."]);
                    break;
                case ResultsSaveOutcome.Draft:
                    ModelState.AddModelError("Input.Publish", l["Työpaja on luonnos: julkaise se ensin."]);
                    break;
            }
        }

        if (!ModelState.IsValid)
        {
            Recipient = new RecipientInput { FormKey = Guid.NewGuid() };
            return Page();
        }

        TempData.SetNotice((Input.Publish ? l["Tulokset tallennettiin ja julkaistiin."] : l["Tulokset tallennettiin."]).Value);
        return RedirectToPage(new { slug = Workshop.Slug });
    }

    public async Task<IActionResult> OnPostParticipantsAsync(Guid key, CancellationToken ct)
    {
        var outcome = await results.EmailParticipantsAsync(Workshop.Id, key, organiser.Email, ct);
        TempData.SetNotice(Sent(outcome));
        return RedirectToPage(new { slug = Workshop.Slug });
    }

    public async Task<IActionResult> OnPostRecipientAsync(CancellationToken ct)
    {
        ModelState.KeepOnly("Recipient");
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            Input = ResultsInput.From(Workshop);
            return Page();
        }

        var outcome = await results.SendToRecipientAsync(Workshop.Id, Recipient.FormKey, Recipient.Name!, Recipient.Email!, Recipient.Language!, organiser.Email, ct);
        TempData.SetNotice(Sent(outcome));
        return RedirectToPage(new { slug = Workshop.Slug });
    }

    private string Sent(ResultsSendOutcome outcome) =>
        outcome.Draft ? l["Työpaja on luonnos: julkaise se ensin."].Value
        : outcome.AlreadySent ? l["Tämä lomake oli jo lähetetty; uusia viestejä ei lähtenyt."].Value
        : l["Tulokset lähtevät {0} vastaanottajalle.", outcome.Queued].Value;

    private async Task LoadAsync(CancellationToken ct)
    {
        TakenForward = await db.Proposals.AsNoTracking().TakenForward(Workshop.Id).ToListAsync(ct);
        NotYetSent = await db.ResultsNotYetSent(Workshop.Id).CountAsync(ct);
    }
}
