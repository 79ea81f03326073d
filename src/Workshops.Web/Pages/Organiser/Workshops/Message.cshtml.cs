using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;
using Workshops.Web.Email.Templates;
using Workshops.Web.Infrastructure;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// A message from the organisers to a workshop's attendees (not the outbox's failed messages, which are
/// <c>/Organiser/Messages</c>): write, preview as the recipients will get it, send once. The form carries an
/// idempotency key, so pressing send twice, or resending the form after a crash, sends one message.
/// </summary>
[Needs(Capability.Message)]
public sealed class MessageModel(
    WorkshopsDbContext db, MessagingService messaging, MessageComposer composer, CurrentWorkshop current, CurrentOrganiser organiser,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    [BindProperty]
    public MessageInput Input { get; set; } = new();

    /// <summary>How many people each group reaches now.</summary>
    public IReadOnlyDictionary<MessageRecipients, int> GroupSizes { get; private set; } = new Dictionary<MessageRecipients, int>();

    /// <summary>After "preview": the recipients per language and what each language's copy looks like.</summary>
    public IReadOnlyDictionary<string, int>? Counts { get; private set; }
    public List<EmailPreview> Previews { get; private set; } = [];

    /// <summary>The message just sent (after the redirect), and the ones before it.</summary>
    public AttendeeMessage? Sent { get; private set; }
    public List<AttendeeMessage> Earlier { get; private set; } = [];

    public async Task OnGetAsync(Guid? sent, CancellationToken ct)
    {
        await LoadAsync(ct);
        Sent = Earlier.FirstOrDefault(m => m.Id == sent);
        Input = new MessageInput { IdempotencyKey = Guid.NewGuid() };
    }

    /// <summary>Shows each language's copy as rendered by the real templates, with the counts. Sends nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!IsValid())
        {
            return Page();
        }

        var draft = Input.ToDraft();
        Counts = await messaging.CountByLanguageAsync(Workshop.Id, draft.Recipients, ct);
        var message = draft.ToMessage(Workshop.Id);
        var status = draft.Recipients == MessageRecipients.Waitlisted ? RegistrationStatus.Waitlisted : RegistrationStatus.Confirmed;
        foreach (var (language, count) in Counts)
        {
            // Every language that has readers, and every version the organiser wrote (even with no reader yet).
            if (count > 0 || language == Localization.Cultures.Default || message.HasVersion(language))
            {
                Previews.Add(await composer.PreviewAsync(message, Workshop, language, status));
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!IsValid())
        {
            return Page();
        }

        var message = await messaging.SendAsync(Workshop.Id, Input.IdempotencyKey!.Value, Input.ToDraft(), organiser.Email, ct);
        return message is null ? NotFound() : RedirectToPage("Message", new { slug = Workshop.Slug, sent = message.Id });
    }

    private bool IsValid()
    {
        foreach (var (field, subjectMissing) in Input.IncompleteVersions())
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", subjectMissing
                ? l["Kirjoita myös aihe tälle kieliversiolle, tai jätä sen viesti tyhjäksi."]
                : l["Kirjoita myös viesti tälle kieliversiolle, tai jätä sen aihe tyhjäksi."]);
        }

        return this.ValidateEvenIfNotPosted(Input, nameof(Input));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Earlier = await db.AttendeeMessages.AsNoTracking()
            .Where(m => m.WorkshopId == Workshop.Id)
            .OrderByDescending(m => m.SentAtUtc)
            .ToListAsync(ct);
        GroupSizes = await messaging.GroupSizesAsync(Workshop.Id, ct);
    }
}
