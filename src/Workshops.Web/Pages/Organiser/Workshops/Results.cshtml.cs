using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// A workshop's results: the summary (fi/sv/en), the "published" switch, a preview with the proposals taken forward, and
/// sending them by email to participants and to the outside recipients on the workshop's list (each form once: its key is
/// unique in the database; outside sends at most <see cref="ResultsOptions.OutsideSendsPerHour"/> an hour per organiser).
/// Recipients are added on <see cref="RecipientModel"/> (with a confirmation step) and erased from here.
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class ResultsModel(
    WorkshopsDbContext db,
    ResultsService results,
    CurrentWorkshop current,
    CurrentOrganiser organiser,
    IOptions<ResultsOptions> options,
    TimeProvider time,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public List<Proposal> TakenForward { get; private set; } = [];

    /// <summary>Confirmed participants (checked in or not) who can be written to and have not had the results yet.</summary>
    public int NotYetSent { get; private set; }

    /// <summary>A fresh key for the "email to participants" form each time the page is shown.</summary>
    public Guid ParticipantsKey { get; } = Guid.NewGuid();

    /// <summary>The workshop's outside recipients (erased ones left out), in the order they were added.</summary>
    public List<OutsideRecipient> Recipients { get; private set; } = [];

    /// <summary>When each listed recipient's address last had the results queued (UTC), if ever.</summary>
    public Dictionary<string, DateTime> LastSent { get; private set; } = [];

    /// <summary>How many more outside sends the signed-in organiser has in the current hour.</summary>
    public int SendsLeft { get; private set; }

    /// <summary>The hourly budget of outside sends per organiser (<c>Results__OutsideSendsPerHour</c>).</summary>
    public int OutsideSendsPerHour => options.Value.OutsideSendsPerHour;

    [BindProperty]
    public ResultsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = ResultsInput.From(Workshop);
        CoverNote = WordsInput.From(Workshop.Results.CoverNote);
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
                    ModelState.AddModelError("Input.Publish", l["Tulokset voi julkaista vasta, kun työpaja on alkanut."]);
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

        TempData.SetNotice((Input.Publish ? l["Tulokset tallennettiin ja julkaistiin."] : l["Tulokset tallennettiin."]).Value);
        return RedirectToPage(new { slug = Workshop.Slug });
    }

    /// <summary>The cover note on the results email to outside recipients (fi/sv/en), previewed before it is saved.</summary>
    [BindProperty]
    public WordsInput CoverNote { get; set; } = new();

    /// <summary>After the first submit of a new cover note: its preview shows, and the next submit saves.</summary>
    public bool PreviewingCoverNote { get; private set; }

    /// <summary>Saves the cover note after its preview (<see cref="WordsInput"/>): the first submit of new words shows them.</summary>
    [Needs(Capability.Message)]
    public async Task<IActionResult> OnPostCoverNoteAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(CoverNote));
        if (CoverNote.LacksFinnish)
        {
            ModelState.AddModelError("CoverNote.Fi", l["Kirjoita myös suomenkielinen teksti: se näytetään, kun kieliversio puuttuu."]);
        }

        if (!ModelState.IsValid || CoverNote.NeedsPreview(Workshop.Results.CoverNote))
        {
            await LoadAsync(ct);
            Input = ResultsInput.From(Workshop);
            if (ModelState.IsValid)
            {
                ModelState.Remove("CoverNote.Stamp");
                (PreviewingCoverNote, CoverNote.Stamp) = (true, CoverNote.CurrentStamp());
            }

            return Page();
        }

        if (!await results.SaveCoverNoteAsync(Workshop.Id, CoverNote.ToText(), organiser.Email, ct))
        {
            return NotFound();
        }

        TempData.SetNotice(l["Saateviesti tallennettiin. Se tulee tästä lähtien ulkopuolisille lähetettäviin tuloksiin."].Value);
        return RedirectToPage(null, null, new { slug = Workshop.Slug }, "cover-note");
    }

    [Needs(Capability.Message)]
    public async Task<IActionResult> OnPostParticipantsAsync(Guid key, CancellationToken ct)
    {
        var outcome = await results.EmailParticipantsAsync(Workshop.Id, key, organiser.Email, ct);
        TempData.SetNotice(Sent(outcome));
        return RedirectToPage(new { slug = Workshop.Slug });
    }

    /// <summary>Sends the results to one listed outside recipient (the row's form, with its own key).</summary>
    [Needs(Capability.Message)]
    public async Task<IActionResult> OnPostSendAsync(Guid key, int recipient, CancellationToken ct)
    {
        var outcome = await results.SendToRecipientAsync(Workshop.Id, key, recipient, organiser.Email, ct);
        TempData.SetNotice(Sent(outcome));
        return RedirectToPage(null, null, new { slug = Workshop.Slug }, "recipients");
    }

    /// <summary>Takes a recipient off the list and erases their name and address (on their request, or when no longer needed).</summary>
    [Needs(Capability.Erase)]
    public async Task<IActionResult> OnPostEraseAsync(int recipient, CancellationToken ct)
    {
        TempData.SetNotice((await results.EraseRecipientAsync(Workshop.Id, recipient, organiser.Email, ct)
            ? l["Vastaanottaja poistettiin listalta ja hänen tietonsa poistettiin."]
            : l["Vastaanottajaa ei ole enää listalla."]).Value);
        return RedirectToPage(null, null, new { slug = Workshop.Slug }, "recipients");
    }

    private string Sent(ResultsSendOutcome outcome) =>
        outcome.Draft ? l["Työpaja on luonnos: julkaise se ensin."].Value
        : outcome.AlreadySent ? l["Tämä lomake oli jo lähetetty; uusia viestejä ei lähtenyt."].Value
        : outcome.NotListed ? l["Vastaanottajaa ei ole enää listalla."].Value
        : outcome.LimitedUntilUtc is { } until ? l["Olet lähettänyt tuloksia ulkopuolisille jo {0} kertaa tunnin sisällä. Seuraavan voi lähettää {1}.", options.Value.OutsideSendsPerHour, OrganiserFormat.Local(until)].Value
        : l["Tulokset lähtevät {0} vastaanottajalle.", outcome.Queued].Value;

    private async Task LoadAsync(CancellationToken ct)
    {
        TakenForward = await db.Proposals.AsNoTracking().TakenForward(Workshop.Id).ToListAsync(ct);
        NotYetSent = await db.ResultsNotYetSent(Workshop.Id).CountAsync(ct);
        Recipients = await db.OutsideRecipients.AsNoTracking()
            .Where(r => r.WorkshopId == Workshop.Id && r.ErasedAtUtc == null).OrderBy(r => r.Id).ToListAsync(ct);
        var addresses = Recipients.Select(r => r.Email).ToList();
        LastSent = (await db.OutgoingEmails.AsNoTracking()
                .Where(e => e.Kind == Email.EmailKind.Results && e.RegistrationId == null && e.WorkshopId == Workshop.Id && addresses.Contains(e.RecipientEmail!))
                .Select(e => new { e.RecipientEmail, e.CreatedAtUtc }).ToListAsync(ct))
            .GroupBy(e => e.RecipientEmail!).ToDictionary(g => g.Key, g => g.Max(e => e.CreatedAtUtc));
        var since = time.GetUtcNow().UtcDateTime.AddHours(-1);
        var actor = organiser.Email;
        SendsLeft = Math.Max(0, options.Value.OutsideSendsPerHour
            - await db.ResultsMailings.CountAsync(m => m.ToOutsideRecipient && m.SentBy == actor && m.AtUtc > since, ct));
    }
}
