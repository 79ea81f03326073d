using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Exports;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>Which registrations to show: a status filter, a search over name, email and organisation, and an order.</summary>
public sealed record AttendeeFilter(string Status, string? Query, string Sort)
{
    public const string Active = "active";

    public static readonly string[] Statuses = [Active, "confirmed", "waitlisted", "offered", "cancelled", "attended", "all"];
    public static readonly string[] Sorts = ["name", "organisation", "group", "status", "registered"];

    public static AttendeeFilter From(string? status, string? query, string? sort) => new(
        Statuses.Contains(status) ? status! : Active,
        string.IsNullOrWhiteSpace(query) ? null : query.Trim(),
        Sorts.Contains(sort) ? sort! : "name");

    public string Describe() => $"status={Status}, sort={Sort}{(Query is null ? "" : ", search")}";
}

/// <summary>
/// The attendee list behind the page, the exports and the sign-in sheet: filtered and ordered in memory over the sort
/// keys only (Finnish collation), then read in batches by id.
/// </summary>
public static class AttendeeList
{
    // Invariant comparison folds ä to a (Finnish collation would not), which is what a quick search wants.
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private static readonly StringComparer FinnishOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fi-FI"), ignoreCase: true);

    /// <summary>How many full rows <see cref="StreamAsync"/> reads from the database at a time.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// The filtered, ordered list as full rows with their answers (the page, the sign-in sheet, check-in). Each row is
    /// read as <see cref="StreamAsync"/> reads it, in the order of <see cref="OrderedIdsAsync"/>.
    /// </summary>
    public static async Task<List<Registration>> LoadAsync(WorkshopsDbContext db, Guid workshopId, AttendeeFilter filter, CancellationToken ct) =>
        await StreamAsync(db, await OrderedIdsAsync(db, workshopId, filter, ct), ct).ToListAsync(ct);

    /// <summary>
    /// The ids of the registrations <paramref name="filter"/> keeps, in its order. Only the fields the filter and the
    /// order read are loaded (a few short strings a row), so sorting in memory with Finnish collation (which the
    /// databases do not share) stays cheap even for an export of thousands of rows.
    /// </summary>
    public static async Task<List<int>> OrderedIdsAsync(WorkshopsDbContext db, Guid workshopId, AttendeeFilter filter, CancellationToken ct)
    {
        var all = await db.Registrations.AsNoTracking().Where(r => r.WorkshopId == workshopId)
            .Select(r => new SortKey(r.Id, r.Name, r.Email, r.Organisation, r.Group, r.Status, r.CheckedInAtUtc != null,
                db.SeatOffers.Any(o => o.RegistrationId == r.Id && o.State == OfferState.Open)))
            .ToListAsync(ct);
        var rows = all.Where(r => filter.Status switch
        {
            "confirmed" => r.Status == RegistrationStatus.Confirmed,
            "waitlisted" => r.Status == RegistrationStatus.Waitlisted,
            "offered" => r.HasOpenOffer,
            "cancelled" => r.Status == RegistrationStatus.Cancelled,
            "attended" => r.Status != RegistrationStatus.Cancelled && r.CheckedIn,
            "all" => true,
            _ => r.Status != RegistrationStatus.Cancelled,
        });
        if (filter.Query is { } query)
        {
            rows = rows.Where(r => Matches(r.Name, query) || Matches(r.Email, query) || Matches(r.Organisation, query));
        }

        return (filter.Sort switch
        {
            "organisation" => rows.OrderBy(r => r.Organisation ?? "\uffff", FinnishOrder).ThenBy(r => r.Name, FinnishOrder),
            "group" => rows.OrderBy(r => r.Group).ThenBy(r => r.Name, FinnishOrder),
            "status" => rows.OrderBy(r => r.Status).ThenBy(r => r.Id),
            "registered" => rows.OrderBy(r => r.Id),
            _ => rows.OrderBy(r => r.Name, FinnishOrder).ThenBy(r => r.Id),
        }).Select(r => r.Id).ToList();
    }

    /// <summary>
    /// The registrations <paramref name="ids"/> names, with their answers, in that order: read <see cref="BatchSize"/>
    /// at a time, so an export holds one batch in memory, not the whole list. A row deleted after the ids were read is
    /// left out.
    /// </summary>
    public static async IAsyncEnumerable<Registration> StreamAsync(WorkshopsDbContext db, IReadOnlyList<int> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var byId = await db.Registrations.AsNoTracking().Include(r => r.Answers).Where(r => batch.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            foreach (var id in batch)
            {
                if (byId.TryGetValue(id, out var row))
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>Case- and accent-insensitive, so "aakkonen" finds "Ääkkönen" on a phone keyboard.</summary>
    public static bool Matches(string? text, string query) =>
        text is not null && Compare.IndexOf(text, query, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    /// <summary>
    /// The person's answer to <paramref name="question"/> as text in <paramref name="language"/> (see
    /// <see cref="WorkshopQuestion.Describe"/>), or null when they did not answer.
    /// </summary>
    public static string? Answer(Registration registration, WorkshopQuestion question, string language) =>
        registration.Answers.FirstOrDefault(a => a.QuestionId == question.Id) is { } answer ? question.Describe(answer, language) : null;

    /// <summary>
    /// The rows as a table to download: the built-in columns (headers in the organiser's language), then one column per
    /// custom question, archived ones included, headed by its Finnish wording and answered in Finnish. Issue 24's columns
    /// come before the questions: an open offer's deadline (Helsinki time; such a person is waiting, not a participant),
    /// "over capacity" for an organiser's "add anyway", and the name of the group's contact who registered the person; then
    /// how the person attends (issue 26: on site or online, the format's for a single-mode workshop).
    /// </summary>
    public static ExportTable ToTable(Workshop workshop, IAsyncEnumerable<Registration> rows, IStringLocalizer l, IReadOnlyList<WorkshopQuestion> questions, AttendeeExtras extras)
    {
        string[] headers = ["Nimi", "Sähköposti", "Organisaatio", "Ryhmä", "Tarpeet", "Tila", "Viestien kieli", "Ilmoittautui", "Saapui", "Paikkatarjous voimassa", "Ylipaikka", "Ilmoittaja", "Osallistumistapa"];
        var yes = l["Kyllä"].Value;
        return new ExportTable(
            workshop.Slug,
            [.. headers.Select(h => l[h].Value), .. questions.Select(q => q.Text.Fi)],
            rows.Select(r => (IReadOnlyList<object?>)
            [
                r.Name,
                r.Email,
                r.Organisation,
                l[Labels.Group(r.Group)].Value,
                r.Needs,
                l[OrganiserFormat.Status(r.Status)].Value,
                r.Language,
                OrganiserFormat.LocalTime(r.CreatedAtUtc),
                OrganiserFormat.LocalTime(r.CheckedInAtUtc),
                OrganiserFormat.LocalTime(extras.OfferDeadline(r.Id)),
                r.OverCapacity ? yes : null,
                extras.ContactName(r),
                l[Labels.Mode(workshop.ModeOf(r))].Value,
                .. questions.Select(q => Answer(r, q, "fi")),
            ]));
    }

    /// <summary>What the filter and the order read of a registration.</summary>
    private sealed record SortKey(int Id, string Name, string? Email, string? Organisation, HelixGroup Group, RegistrationStatus Status, bool CheckedIn, bool HasOpenOffer);
}

/// <summary>
/// What the attendee list and its downloads show beside each registration (issue 24), read once per list: the open seat
/// offers by registration (with their ids, for withdrawing and extending) and the names of the groups' contacts.
/// </summary>
public sealed record AttendeeExtras(IReadOnlyDictionary<int, SeatOffer> OpenOffers, IReadOnlyDictionary<int, string> Contacts)
{
    public static readonly AttendeeExtras None = new(new Dictionary<int, SeatOffer>(), new Dictionary<int, string>());

    /// <summary>The open offer of a registration's workshop and the group contacts' names, for one workshop.</summary>
    public static async Task<AttendeeExtras> LoadAsync(WorkshopsDbContext db, Guid workshopId, CancellationToken ct)
    {
        var offers = await db.SeatOffers.AsNoTracking().Where(o => o.WorkshopId == workshopId && o.State == OfferState.Open)
            .ToDictionaryAsync(o => o.RegistrationId, ct);
        // The contacts' ids first, in one uncorrelated subquery: a correlated "any member names this row" scanned the
        // workshop's registrations once per row (GroupContactId has no index): 20 s of CPU at 10,000 registrations.
        var contactIds = db.Registrations.Where(m => m.WorkshopId == workshopId && m.GroupContactId != null).Select(m => m.GroupContactId!.Value);
        var contacts = await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == workshopId && contactIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return new AttendeeExtras(offers, contacts);
    }

    /// <summary>The deadline (UTC) of the person's open offer, or null.</summary>
    public DateTime? OfferDeadline(int registrationId) => OpenOffers.TryGetValue(registrationId, out var offer) ? offer.ExpiresAtUtc : null;

    /// <summary>The name of the group's contact who registered this person, or null when they registered themselves.</summary>
    public string? ContactName(Registration registration) =>
        registration.GroupContactId is { } id ? Contacts.GetValueOrDefault(id) : null;
}
