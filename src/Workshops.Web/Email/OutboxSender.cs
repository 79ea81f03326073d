using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Email;

/// <summary>
/// Renders claimed messages (<see cref="OutboxQueue"/> claims them and records each result): each with its link, or
/// skipped when it is no longer true.
/// </summary>
public sealed class OutboxSender(
    WorkshopsDbContext db,
    MessageComposer composer,
    ResultsComposer results,
    OrganiserNoticeComposer organiserNotices,
    MemberNotificationComposer memberNotices,
    Certificates.CertificateDocument certificates,
    Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser> users,
    SiteLinks links,
    IDataProtectionProvider protection,
    TimeProvider time)
{
    /// <summary>
    /// Renders a batch of claimed messages (<see cref="PrepareAsync(Guid, CancellationToken)"/> for each) from one read of
    /// their rows, and saves the links' tokens and the skips of the whole batch in one write before anything is sent.
    /// A message that cannot be composed comes back with its error, and the others are unaffected.
    /// </summary>
    public async Task<IReadOnlyList<PreparedEmail>> PrepareBatchAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = await WithRegistration().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var prepared = new List<PreparedEmail>(ids.Count);
        foreach (var id in ids)
        {
            try
            {
                prepared.Add(new PreparedEmail(id, rows.TryGetValue(id, out var row) ? await PrepareLoadedAsync(row, ct) : null, null));
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                prepared.Add(new PreparedEmail(id, null, ex));
            }
        }

        await db.SaveChangesAsync(ct);
        return prepared;
    }

    /// <summary>
    /// Renders a claimed message with its manage link. The link's token is minted on the first try and kept
    /// (encrypted with the Data Protection key ring) for the later ones, so every delivered copy's link works.
    /// Null when the message is no longer worth sending.
    /// </summary>
    public async Task<MimeMessage?> PrepareAsync(Guid id, CancellationToken ct)
    {
        var message = await PrepareLoadedAsync(await WithRegistration().SingleAsync(e => e.Id == id, ct), ct);
        await db.SaveChangesAsync(ct);
        return message;
    }

    private IQueryable<OutgoingEmail> WithRegistration() =>
        db.OutgoingEmails.Include(e => e.Registration).ThenInclude(r => r!.Workshop);

    /// <summary>Renders one loaded message; a minted token or a skip is left for the caller's save.</summary>
    private async Task<MimeMessage?> PrepareLoadedAsync(OutgoingEmail outgoing, CancellationToken ct)
    {
        if (outgoing.Kind == EmailKind.PasswordChanged)
        {
            return await organiserNotices.ComposeAsync(outgoing);
        }

        if (outgoing.Kind is EmailKind.MemberNotice or EmailKind.MemberDigest)
        {
            return await memberNotices.ComposeAsync(outgoing, ct);
        }

        if (outgoing.Kind is EmailKind.MemberInvitation or EmailKind.PasswordReset)
        {
            return await ComposeLinkAsync(outgoing, ct);
        }

        if (outgoing.Registration is null)
        {
            // To an outside recipient (results to a city manager): no registration that could be cancelled or erased.
            var about = await db.Workshops.SingleAsync(w => w.Id == outgoing.WorkshopId, ct);
            return await results.ComposeAsync(outgoing, about, await TakenForwardAsync(about.Id, ct),
                outgoing.RecipientName ?? "", outgoing.RecipientEmail!, outgoing.Language ?? Localization.Cultures.Default);
        }

        var registration = outgoing.Registration;
        var workshop = registration.Workshop!;
        // The deadline is read now, not when the row was queued: an extension since then shows its new deadline.
        var offer = IsAboutAnOffer(outgoing.Kind)
            ? await db.SeatOffers.AsNoTracking().Where(o => o.RegistrationId == registration.Id).OrderByDescending(o => o.Id).FirstOrDefaultAsync(ct)
            : null;
        if (IsObsolete(outgoing.Kind, registration, workshop) || IsStaleOffer(outgoing.Kind, offer, workshop, time.GetUtcNow().UtcDateTime))
        {
            outgoing.Skip();
            return null;
        }

        if (outgoing.Kind == EmailKind.Results)
        {
            return await results.ComposeAsync(outgoing, workshop, await TakenForwardAsync(workshop.Id, ct),
                registration.Name, registration.Email!, registration.Language);
        }

        // A certificate is attached as it is when the message leaves, rendered again on each try from its record: a retry
        // carries the same certificate (the same code), and one withdrawn meanwhile is not sent.
        byte[]? certificatePdf = null;
        if (outgoing.Kind == EmailKind.Certificate)
        {
            var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.RegistrationId == registration.Id && c.WithdrawnAtUtc == null, ct);
            if (certificate is null)
            {
                // Not sent after all: a certificate withdrawn because the arrival was taken back may be valid again (marked
                // arrived again), and then "send all" must send it, not count it as sent before.
                await db.Certificates.Where(c => c.RegistrationId == registration.Id && c.WithdrawnAtUtc != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.EmailedAtUtc, (DateTime?)null), ct);
                outgoing.Skip();
                await db.SaveChangesAsync(ct);
                return null;
            }

            certificatePdf = certificates.Render(certificate, workshop);
        }

        var token = await TokenForAsync(outgoing, registration, ct);
        var position = await db.WaitingListPositionAsync(workshop, registration, ct);
        var message = outgoing.AttendeeMessageId is { } messageId
            ? await db.AttendeeMessages.AsNoTracking().SingleAsync(m => m.Id == messageId, ct)
            : null;
        var answers = outgoing.Kind == EmailKind.DetailsCorrected ? await db.PersonAnswersAsync(registration.Id, workshop.Id, ct) : null;
        // Someone registered by a group's contact is told who did it (they did not fill in the form themselves).
        var registeredBy = registration.GroupContactId is { } contact && outgoing.Kind is EmailKind.Confirmed or EmailKind.Waitlisted
            ? await db.Registrations.Where(r => r.Id == contact && r.ErasedAtUtc == null).Select(r => r.Name).SingleOrDefaultAsync(ct)
            : null;
        return await composer.ComposeAsync(outgoing, registration, workshop, position, token, message, answers, offer?.ExpiresAtUtc, registeredBy, certificatePdf);
    }

    private static bool IsAboutAnOffer(EmailKind kind) =>
        kind is EmailKind.SeatOffered or EmailKind.OfferExtended or EmailKind.OfferDeclined or EmailKind.OfferExpired or EmailKind.OfferWithdrawn;

    /// <summary>
    /// An offer's invitation to answer that can no longer be answered (answered, withdrawn or past its deadline before the
    /// message could leave, or the workshop cancelled) would only mislead; the message that ended it says what happened.
    /// </summary>
    private static bool IsStaleOffer(EmailKind kind, SeatOffer? offer, Workshop workshop, DateTime nowUtc) =>
        (kind is EmailKind.SeatOffered or EmailKind.OfferExtended && (offer is null || !offer.IsOpen || offer.IsDue(nowUtc)))
        || (IsAboutAnOffer(kind) && workshop.Status == WorkshopStatus.Cancelled);

    private Task<List<Proposal>> TakenForwardAsync(Guid workshopId, CancellationToken ct) =>
        db.Proposals.AsNoTracking().TakenForward(workshopId).ToListAsync(ct);

    private const string ManageTokenPurpose = "Workshops.ManageToken.v1";

    private async Task<string> TokenForAsync(OutgoingEmail outgoing, Registration registration, CancellationToken ct)
    {
        var protector = protection.CreateProtector(ManageTokenPurpose);
        if (outgoing.ProtectedManageToken is { } kept
            && await db.ManageTokens.AnyAsync(t => t.OutgoingEmailId == outgoing.Id, ct))
        {
            return protector.Unprotect(kept);
        }

        var (token, hash) = ManageToken.Create();
        db.ManageTokens.Add(new ManageToken { RegistrationId = registration.Id, OutgoingEmailId = outgoing.Id, Hash = hash, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
        outgoing.ProtectedManageToken = protector.Protect(token);
        return token;
    }

    /// <summary>
    /// An invitation or a reset link, minted now from the account's current security stamp (so no token waits in the
    /// database); skipped when the member was removed or disabled meanwhile, or the invitation was already accepted.
    /// </summary>
    private async Task<MimeMessage?> ComposeLinkAsync(OutgoingEmail outgoing, CancellationToken ct)
    {
        var invitation = outgoing.Kind == EmailKind.MemberInvitation;
        var user = await users.FindByEmailAsync(outgoing.RecipientEmail!);
        if (user is null || await users.IsLockedOutAsync(user) || (user.PasswordHash is null) != invitation)
        {
            outgoing.Skip();
            return null;
        }

        var language = outgoing.Language ?? Localization.Cultures.Default;
        var token = invitation
            ? await users.GenerateUserTokenAsync(user, MemberTokens.Invitation, MemberTokens.Invitation)
            : await users.GeneratePasswordResetTokenAsync(user);
        var link = links.MemberLink(invitation ? LinkKind.Invitation : LinkKind.PasswordReset, user.Id, token, language);
        var role = db.Entry(user).Property<Domain.Members.MemberRole>(MemberConfiguration.Role).CurrentValue;
        return await organiserNotices.ComposeAsync(outgoing, link, role);
    }

    /// <summary>
    /// A confirmation for someone who has since cancelled is no longer true; cancellations always go out. Nothing goes to
    /// an erased person (erasing also skips their queued rows, so this only catches a row claimed meanwhile). A reminder
    /// of a workshop cancelled meanwhile would contradict the cancellation notice.
    /// </summary>
    private static bool IsObsolete(EmailKind kind, Registration registration, Workshop workshop) =>
        registration.ErasedAtUtc is not null
        || (registration.Status == RegistrationStatus.Cancelled
            && kind is not (EmailKind.Cancelled or EmailKind.WorkshopCancelled or EmailKind.OfferDeclined or EmailKind.OfferExpired or EmailKind.OfferWithdrawn))
        || (kind == EmailKind.EventReminder && workshop.Status == WorkshopStatus.Cancelled);
}

/// <summary>A claimed message as rendered for sending: the message, or null when it is no longer worth sending (skipped), or the error that kept it from being composed.</summary>
public sealed record PreparedEmail(Guid Id, MimeMessage? Message, Exception? Error);
