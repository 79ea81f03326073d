using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// A workshop's results: the summary (fi/sv/en), the "published" switch, a preview with the proposals taken forward, and
/// sending them by email to participants and to the outside recipients on the workshop's list (each form once: its key is
/// unique in the database; outside sends at most <see cref="ResultsOptions.OutsideSendsPerHour"/> an hour per organiser).
/// Recipients are added on <see cref="RecipientModel"/> (with a confirmation step) and erased from here.
/// </summary>
public sealed class ResultsModel(
    WorkshopsDbContext db, ResultsService results, IOptions<ResultsOptions> options, TimeProvider time, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public List<Proposal> TakenForward { get; private set; } = [];

    /// <summary>Confirmed participants (checked in or not) who can be written to and have not had the results yet.</summary>
    public int NotYetSent { get; private set; }

    /// <summary>A fresh key for the "email to participants" form each time the page is shown.</summary>
    public Guid ParticipantsKey { get; } = Guid.NewGuid();

    /// <summary>The workshop's outside recipients, in the order they were added.</summary>
    public List<OutsideRecipient> Recipients { get; private set; } = [];

    /// <summary>When each listed recipient's address last had the results queued (UTC), if ever.</summary>
    public Dictionary<string, DateTime> LastSent { get; private set; } = [];

    /// <summary>How many more outside sends the signed-in organiser has in the current hour.</summary>
    public int SendsLeft { get; private set; }

    /// <summary>The hourly budget of outside sends per organiser (<c>Results__OutsideSendsPerHour</c>).</summary>
    public int OutsideSendsPerHour => options.Value.OutsideSendsPerHour;

    [BindProperty]
    public ResultsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Input = ResultsInput.From(Workshop);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, CancellationToken ct)
    {
        ModelState.KeepOnly("Input");
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            switch (await results.SaveAsync(Workshop.Id, Input.ToSummary(), Input.Publish, User.Identity!.Name!, ct))
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
            return Page();
        }

        TempData["OrganiserNotice"] = (Input.Publish ? l["Tulokset tallennettiin ja julkaistiin."] : l["Tulokset tallennettiin."]).Value;
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostParticipantsAsync(string slug, Guid key, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        var outcome = await results.EmailParticipantsAsync(workshop.Id, key, User.Identity!.Name!, ct);
        TempData["OrganiserNotice"] = Sent(outcome);
        return RedirectToPage(new { slug });
    }

    /// <summary>Sends the results to one listed outside recipient (the row's form, with its own key).</summary>
    public async Task<IActionResult> OnPostSendAsync(string slug, Guid key, int recipient, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        var outcome = await results.SendToRecipientAsync(workshop.Id, key, recipient, User.Identity!.Name!, ct);
        TempData["OrganiserNotice"] = Sent(outcome);
        return RedirectToPage(null, null, new { slug }, "recipients");
    }

    /// <summary>Takes a recipient off the list and erases their data (on their request, or when no longer needed).</summary>
    public async Task<IActionResult> OnPostEraseAsync(string slug, int recipient, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = (await results.EraseRecipientAsync(workshop.Id, recipient, User.Identity!.Name!, ct)
            ? l["Vastaanottaja poistettiin listalta ja hänen tietonsa poistettiin."]
            : l["Vastaanottajaa ei ole enää listalla."]).Value;
        return RedirectToPage(null, null, new { slug }, "recipients");
    }

    private string Sent(ResultsSendOutcome outcome) =>
        outcome.Draft ? l["Työpaja on luonnos: julkaise se ensin."].Value
        : outcome.AlreadySent ? l["Tämä lomake oli jo lähetetty; uusia viestejä ei lähtenyt."].Value
        : outcome.NotListed ? l["Vastaanottajaa ei ole enää listalla."].Value
        : outcome.LimitedUntilUtc is { } until ? l["Olet lähettänyt tuloksia ulkopuolisille jo {0} kertaa tunnin sisällä. Seuraavan voi lähettää {1}.", options.Value.OutsideSendsPerHour, OrganiserFormat.Local(until)].Value
        : l["Tulokset lähtevät {0} vastaanottajalle.", outcome.Queued].Value;

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return false;
        }

        Workshop = workshop;
        TakenForward = await db.Proposals.AsNoTracking().TakenForward(workshop.Id).ToListAsync(ct);
        NotYetSent = await db.ResultsNotYetSent(workshop.Id).CountAsync(ct);
        Recipients = await db.OutsideRecipients.AsNoTracking().Where(r => r.WorkshopId == workshop.Id).OrderBy(r => r.Id).ToListAsync(ct);
        var addresses = Recipients.Select(r => r.Email).ToList();
        LastSent = (await db.OutgoingEmails.AsNoTracking()
                .Where(e => e.Kind == Email.EmailKind.Results && e.RegistrationId == null && e.WorkshopId == workshop.Id && addresses.Contains(e.RecipientEmail!))
                .Select(e => new { e.RecipientEmail, e.CreatedAtUtc }).ToListAsync(ct))
            .GroupBy(e => e.RecipientEmail!).ToDictionary(g => g.Key, g => g.Max(e => e.CreatedAtUtc));
        var since = time.GetUtcNow().UtcDateTime.AddHours(-1);
        var actor = User.Identity!.Name!;
        SendsLeft = Math.Max(0, options.Value.OutsideSendsPerHour
            - await db.ResultsMailings.CountAsync(m => m.ToOutsideRecipient && m.SentBy == actor && m.AtUtc > since, ct));
        return true;
    }
}
