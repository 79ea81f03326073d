using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>The notification settings form: a choice per workshop (by id) and the language of the emails.</summary>
public sealed class NotificationsInput
{
    /// <summary>Workshop id → <see cref="NotificationChoice"/> by name (None, Each, Digest).</summary>
    public Dictionary<Guid, string> Choices { get; set; } = [];

    /// <summary>The language of the notification emails (fi/sv/en).</summary>
    public string Language { get; set; } = Cultures.Default;

    /// <summary>The fields in form order, for the error summary.</summary>
    public static readonly string[] FieldNames = [nameof(Choices), nameof(Language)];
}

/// <summary>
/// The signed-in member's own notifications (issue 25, item 4): per workshop they reach, none, an email per registration
/// or cancellation, or a daily digest; and their language. Every role may open it (<see cref="Capability.Account"/>);
/// what the emails show follows the role (<see cref="NotificationService"/>).
/// </summary>
[Needs(Capability.Account)]
public sealed class NotificationsModel(
    WorkshopsDbContext db, CurrentMember member, NotificationService notifications, IStringLocalizer<OrganiserResource> l) : PageModel
{
    [BindProperty]
    public NotificationsInput Input { get; set; } = new();

    /// <summary>The workshops the member reaches, by date.</summary>
    public IReadOnlyList<Workshop> Workshops { get; private set; } = [];

    /// <summary>Whether the member's role shows names in notices (otherwise counts only).</summary>
    public bool CountsOnly { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = UserId;
        Input.Choices = await db.NotificationSubscriptions.Where(s => s.UserId == id)
            .ToDictionaryAsync(s => s.WorkshopId, s => s.Choice.ToString(), ct);
        Input.Language = await db.Users.Where(u => u.Id == id).Select(u => EF.Property<string>(u, MemberConfiguration.Language)).SingleAsync(ct);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var choices = new Dictionary<Guid, NotificationChoice>();
        foreach (var (workshopId, value) in Input.Choices ?? [])
        {
            if (Enum.TryParse<NotificationChoice>(value, out var choice) && Enum.IsDefined(choice) && !int.TryParse(value, out _))
            {
                choices[workshopId] = choice;
            }
            else
            {
                ModelState.AddModelError($"Input.{nameof(Input.Choices)}", l["Valitse jokaiselle työpajalle yksi vaihtoehdoista."]);
            }
        }

        if (!Cultures.IsSupported(Input.Language))
        {
            ModelState.AddModelError($"Input.{nameof(Input.Language)}", l["Valitse kieli: suomi, ruotsi tai englanti."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        await notifications.ChooseAsync(UserId, choices, Input.Language, ct);
        TempData.SetNotice(l["Ilmoitusasetukset tallennettiin."].Value);
        return RedirectToPage();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No member is signed in.");

    private async Task LoadAsync(CancellationToken ct)
    {
        var membership = await member.OfAsync(User, ct) ?? throw new InvalidOperationException("No member is signed in.");
        var all = await db.Workshops.AsNoTracking().OrderBy(w => w.Date).ToListAsync(ct);
        Workshops = [.. all.Where(w => membership.Reaches(w.Id))];
        CountsOnly = !MemberRules.Allows(membership.Role, Capability.ViewPersonalData);
    }

    /// <summary>The Finnish name (the resource key) of a choice.</summary>
    public static string ChoiceName(NotificationChoice choice) => choice switch
    {
        NotificationChoice.Each => "sähköposti jokaisesta ilmoittautumisesta ja peruutuksesta",
        NotificationChoice.Digest => "päivittäinen yhteenveto",
        _ => "ei ilmoituksia",
    };
}
