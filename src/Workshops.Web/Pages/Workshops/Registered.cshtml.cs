using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// The page after post/redirect/get. Only the registration's id travels, in TempData (a data-protected cookie of
/// this browser), and is kept for refreshes (`TempData.Peek`) for <see cref="Lifetime"/>;
/// the outcome is read again from the database each time. The URL carries no identifier, so it cannot be guessed,
/// shared or leaked through history, logs or a Referer to show anyone's registration.
/// </summary>
public sealed class RegisteredModel(WorkshopsDbContext db, PublicCache cache, TimeProvider time) : PageModel
{
    /// <summary>How long a refresh still shows the outcome (and the address) in the browser that registered.</summary>
    internal static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public Workshop Workshop { get; private set; } = null!;
    public RegistrationStatus Status { get; private set; }
    public int? WaitingListPosition { get; private set; }
    public string Email { get; private set; } = "";

    /// <summary>
    /// For a group (issue 24): every person on the form, the contact first, each as the database holds them now; null when
    /// one person registered alone.
    /// </summary>
    public IReadOnlyList<GroupLine>? Group { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        // The workshop as every visitor sees it, from the public cache (the page right after a registration, in a rush); it shows no seats.
        var workshop = await ProposalSubmission.WorkshopAsync(db, cache, slug, ct);
        if (workshop is null)
        {
            return NotFound();
        }

        var ticket = TempData.Peek(DetailsModel.OutcomeKey) is string json ? JsonSerializer.Deserialize<RegisteredTicket>(json) : null;
        var now = time.GetUtcNow().UtcDateTime;
        // The registration and its place in one read (the page right after every registration of a rush).
        var found = ticket is null || now - ticket.IssuedAtUtc > Lifetime
            ? null
            : await db.ActiveRegistrationWithPlaceAsync(ticket.RegistrationId, perMode: workshop.IsHybrid(), ct);
        if (found is not ({ } registration, var position))
        {
            TempData.Remove(DetailsModel.OutcomeKey);
            return RedirectToPage("Details", new { slug });
        }

        // The outcome belongs to one workshop: shown under another's title (a redirect not followed, then another
        // workshop's address) it told a waiting-list place for a workshop with free seats. Sent to its own page instead.
        if (registration.WorkshopId != workshop.Id)
        {
            return RedirectToPage("Registered", new { slug = await db.Workshops.Where(w => w.Id == registration.WorkshopId).Select(w => w.Slug).SingleAsync(ct) });
        }

        Workshop = workshop;
        Status = registration.Status;
        Email = registration.Email ?? "";
        WaitingListPosition = position;
        if (ticket!.Others is { Count: > 0 } others)
        {
            Group = await GroupAsync(registration, others, ticket.AlreadyRegistered ?? [], ct);
        }

        return Page();
    }

    /// <summary>The group's people in form order, the contact first, each with where they are now (read again on every load).</summary>
    private async Task<List<GroupLine>> GroupAsync(Registration contact, IReadOnlyList<int> others, IReadOnlyList<int> already, CancellationToken ct)
    {
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => others.Contains(r.Id) && r.WorkshopId == contact.WorkshopId)
            .ToDictionaryAsync(r => r.Id, ct);
        var lines = new List<GroupLine> { new(contact.Name, contact.Email ?? "", Status, WaitingListPosition, AlreadyRegistered: false) };
        foreach (var id in others.Where(rows.ContainsKey))
        {
            var row = rows[id];
            var position = row.Status == RegistrationStatus.Waitlisted ? await db.WaitingListPositionAsync(row.WorkshopId, row.Id, Workshop.SeatPool(row.Mode), ct) : (int?)null;
            lines.Add(new GroupLine(row.Name, row.Email ?? "", row.Status, position, already.Contains(id)));
        }

        return lines;
    }
}

/// <summary>
/// What the result page needs to find the outcome again: the registration and when it was made here; for a group, the
/// other people's registrations in form order (<paramref name="Others"/>), and which of them were already registered.
/// </summary>
public sealed record RegisteredTicket(int RegistrationId, DateTime IssuedAtUtc, IReadOnlyList<int>? Others = null, IReadOnlyList<int>? AlreadyRegistered = null);

/// <summary>One person of a group on the result page: as stored now, and whether they had registered before this form.</summary>
public sealed record GroupLine(string Name, string Email, RegistrationStatus Status, int? WaitingListPosition, bool AlreadyRegistered);
