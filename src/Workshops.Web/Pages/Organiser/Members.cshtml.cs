using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>The invitation form.</summary>
public sealed class InviteInput
{
    public string Email { get; set; } = "";
    public MemberRole Role { get; set; } = MemberRole.Organiser;

    /// <summary>For an organiser or a door helper: the workshops chosen for them.</summary>
    public List<Guid> Workshops { get; set; } = [];

    /// <summary>The language of the invitation email (fi/sv/en).</summary>
    public string Language { get; set; } = Cultures.Default;

    /// <summary>The fields in form order, for the error summary.</summary>
    public static readonly string[] FieldNames = [nameof(Email), nameof(Role), nameof(Workshops)];
}

/// <summary>Where a member is: invited (no password yet), active, or disabled.</summary>
public enum MemberState
{
    Invited,
    Active,
    Disabled,
}

/// <summary>One member as the list shows them.</summary>
public sealed record MemberRow(string Id, string Email, MemberRole Role, IReadOnlyList<string> Workshops, MemberState State);

/// <summary>
/// The organiser team (administrators only, issue 25): who has which role and workshops, an invitation by email
/// (<see cref="MemberService.InviteAsync"/>), and disabling or enabling a member (their sessions end at once).
/// </summary>
[Needs(Capability.ManageMembers)]
public sealed class MembersModel(
    WorkshopsDbContext db, MemberService members, CurrentOrganiser organiser, TimeProvider time, IStringLocalizer<OrganiserResource> l) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<MemberRow> Rows { get; private set; } = [];

    /// <summary>Every workshop, drafts too, for the invitation's choice.</summary>
    public IReadOnlyList<Workshop> AllWorkshops { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var email = Input.Email?.Trim() ?? "";
        if (email.Length is 0 or > OutgoingEmail.RecipientEmailMaxLength || !new EmailAddressAttribute().IsValid(email))
        {
            ModelState.AddModelError($"Input.{nameof(Input.Email)}", l["Kirjoita kutsuttavan sähköpostiosoite."]);
        }

        if (!Enum.IsDefined(Input.Role))
        {
            ModelState.AddModelError($"Input.{nameof(Input.Role)}", l["Valitse rooli."]);
        }

        var outcome = ModelState.IsValid
            ? await members.InviteAsync(email, Input.Role, Input.Workshops ?? [], Cultures.IsSupported(Input.Language) ? Input.Language : Cultures.Default, organiser.Email, ct)
            : (InviteOutcome?)null;
        switch (outcome)
        {
            case InviteOutcome.Invited:
                TempData.SetNotice(l["Kutsu lähti osoitteeseen {0}.", email].Value);
                return RedirectToPage();
            case InviteOutcome.AlreadyMember:
                ModelState.AddModelError($"Input.{nameof(Input.Email)}", l["Osoite on jo jäsenen (kutsuttu, käytössä tai poistettu käytöstä)."]);
                break;
            case InviteOutcome.NoWorkshop:
                ModelState.AddModelError($"Input.{nameof(Input.Workshops)}", l["Valitse järjestäjälle tai ovella auttajalle vähintään yksi työpaja."]);
                break;
            case InviteOutcome.InvalidAddress:
                ModelState.AddModelError($"Input.{nameof(Input.Email)}", l["Kirjoita kutsuttavan sähköpostiosoite."]);
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) => SetDisabledAsync(id, true, ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) => SetDisabledAsync(id, false, ct);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled, CancellationToken ct)
    {
        var outcome = await members.SetDisabledAsync(id ?? "", disabled, organiser.Email, ct);
        if (outcome == MemberChange.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice((outcome == MemberChange.Self
            ? l["Et voi poistaa omaa tunnustasi käytöstä."]
            : disabled ? l["Jäsen poistettiin käytöstä, ja hänen kirjautumisensa päättyivät."] : l["Jäsen palautettiin käyttöön."]).Value);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AllWorkshops = await db.Workshops.AsNoTracking().OrderBy(w => w.Date).ToListAsync(ct);
        var titles = AllWorkshops.ToDictionary(w => w.Id, w => w.Title.For(Cultures.Default));
        var chosen = (await db.MemberWorkshops.AsNoTracking().ToListAsync(ct)).ToLookup(m => m.UserId, m => m.WorkshopId);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.Email, u.UserName, Role = EF.Property<MemberRole>(u, MemberConfiguration.Role), u.PasswordHash, u.LockoutEnd })
            .ToListAsync(ct);
        Rows = users
            .Select(u => new MemberRow(u.Id, u.Email ?? u.UserName ?? "", u.Role,
                [.. chosen[u.Id].Select(id => titles.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal)],
                u.LockoutEnd > time.GetUtcNow() ? MemberState.Disabled : u.PasswordHash is null ? MemberState.Invited : MemberState.Active))
            .OrderBy(r => r.Role).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The Finnish name (the resource key) of a state.</summary>
    public static string StateName(MemberState state) => state switch
    {
        MemberState.Invited => "kutsuttu, ei vielä salasanaa",
        MemberState.Active => "käytössä",
        _ => "poistettu käytöstä",
    };

    /// <summary>The Finnish name (the resource key) of a role.</summary>
    public static string RoleName(MemberRole role) => role switch
    {
        MemberRole.Administrator => "ylläpitäjä",
        MemberRole.Organiser => "järjestäjä",
        MemberRole.DoorHelper => "ovella auttaja",
        _ => "raporttien katselija",
    };
}
