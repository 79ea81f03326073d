using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Data;

/// <summary>
/// Which columns of the model hold a participant's personal data. A text column added to the model fails these tests
/// until it is either marked (<c>.IsPersonalData()</c> in its entity's configuration, and then erased with the person
/// and by the retention purge) or listed below as not personal, with the reason.
/// </summary>
public sealed class PersonalColumnsTests
{
    /// <summary>
    /// The one list of text columns that are not a participant's personal data, and why. "Table.Column"; a trailing
    /// <c>*</c> on either part matches a prefix (<c>*.Language</c>: every table's Language).
    /// </summary>
    private static readonly Dictionary<string, string> NotPersonal = new()
    {
        ["Certificates.Code"] = "a certificate's random verification code (256 bits), printed on it: nothing about the person; the row goes with its retention time",
        ["AspNet*.*"] = "the organisers' own accounts (ASP.NET Core Identity): kept while they organise, managed by the organiser commands",
        ["NotificationSubscriptions.UserId"] = "the key of an organiser's own account (AspNetUsers), beside a workshop's key: which notifications a member chose",
        ["OutgoingEmails.NoticeJson"] = "registration ids and workshop ids only (names are read when the notice is sent)",
        ["MemberWorkshops.UserId"] = "the key of an organiser's own account (AspNetUsers), beside a workshop's key: which workshops a member works on",
        ["AttendeeMessages.SentBy"] = "the organiser's own sign-in name",
        ["AuditEntries.Actor"] = "the organiser's own sign-in name, or (järjestelmä)",
        ["OutsideRecipients.AddedBy"] = "the organiser's own sign-in name",
        ["ResultsMailings.SentBy"] = "the organiser's own sign-in name (outside sends are counted per organiser)",
        ["AttendeeMessages.Subject_*"] = "an organiser's message, written once for all attendees",
        ["AttendeeMessages.Body_*"] = "an organiser's message, written once for all attendees",
        ["AuditEntries.Detail"] = "kinds, ids, counts and slugs, never a participant's data (AuditDetail); an outside recipient's address in the entries about them, kept as the record of who was mailed and replaced by the retention purge's own rule (OutsideRecipientData.PurgeAsync), since the log has no foreign keys for the marks to follow",
        ["DataProtectionKeys.*"] = "the key ring",
        ["*.Language"] = "fi, sv or en",
        ["OutgoingEmails.PreviousScheduleJson"] = "a workshop's earlier date, time and place",
        ["OutgoingEmails.ProtectedManageToken"] = "an encrypted random token, nothing about the person; erasing deletes its manage-token row, so it opens nothing",
        ["Proposals.Text"] = "the proposal itself, kept anonymous for the results (privacy notice); a name typed into the text stays (a known gap)",
        ["Proposals.Theme"] = "one of the organiser's themes",
        ["SignInFailures.Key"] = "a SHA-256 of an organiser account's address or of a network source, forgotten after 24 hours without a failure (SignInFailures.ForgetAfter)",
        ["RegistrationAnswers.QuestionText"] = "the question's wording when answered, not the answer",
        ["WorkshopQuestions.*"] = "the organisers' custom questions and their options",
        ["Workshops.*"] = "the programme as organisers write it (titles, texts, places, links, themes, results): no one's details",
    };

    private static IModel Model { get; } = new SqliteWorkshopsDbContextFactory().CreateDbContext([]).Model;

    [Fact]
    public void EveryTextColumnIsMarkedPersonalOrListedAsNotPersonalWithItsReason()
    {
        var columns = TextColumns().ToList();

        var neither = columns.Where(c => !c.Marked && !c.Listed).Select(c => c.Name).ToList();
        var both = columns.Where(c => c.Marked && c.Listed).Select(c => c.Name).ToList();
        var stale = NotPersonal.Keys.Where(key => !columns.Any(c => Matches(key, c.Column))).ToList();

        Assert.True(neither.Count == 0, "Mark these as personal data (.IsPersonalData() in the entity's configuration) or list them in NotPersonal with the reason: " + string.Join(", ", neither));
        Assert.True(both.Count == 0, "Marked personal and listed as not personal: " + string.Join(", ", both));
        Assert.True(stale.Count == 0, "Listed in NotPersonal but no longer in the model: " + string.Join(", ", stale));
        Assert.Contains(columns, c => c.Marked); // the list is not trivially satisfied
    }

    [Fact]
    public void EveryPersonalColumnCanBeErasedAndIsReachedByTheErasureAndThePurge()
    {
        var registrations = PersonalColumns.TableOf(Model, typeof(Registration));
        var workshops = PersonalColumns.TableOf(Model, typeof(Workshop));
        var proposals = PersonalColumns.TableOf(Model, typeof(Proposal));
        var outsideRecipients = PersonalColumns.TableOf(Model, typeof(OutsideRecipient));
        foreach (var table in Model.GetRelationalModel().Tables.Where(t => PersonalColumns.Of(t).Count > 0))
        {
            foreach (var (column, erasedAs) in PersonalColumns.Of(table))
            {
                Assert.True(erasedAs != ErasedAs.Null || column.IsNullable, $"{table.Name}.{column.Name} is required: erase it to a value (ErasedAs), not NULL");
                Assert.True(erasedAs != ErasedAs.Address || table.PrimaryKey?.Columns.Count == 1, $"{table.Name}.{column.Name}: an erased address is made from a one-column key");
            }

            // The purge reaches every row tied to a workshop past its retention; erasure every row tied to the person (a
            // registrant, or an outside recipient of the results, who is erased as such).
            Assert.True(PersonalColumns.ChainsTo(table, workshops).Count > 0, $"{table.Name} has personal columns but no foreign key leads to a workshop: the retention purge cannot reach it");
            Assert.True(table == proposals || PersonalColumns.ChainsTo(table, registrations).Count > 0 || PersonalColumns.ChainsTo(table, outsideRecipients).Count > 0,
                $"{table.Name} has personal columns but no foreign key leads to a registration or an outside recipient: erasing a person cannot reach it");
        }
    }

    [Fact]
    public void EveryColumnThePurgeKeepsIsPersonalSaysWhyAndIsErasedWhenThePersonAsks()
    {
        var registrations = PersonalColumns.TableOf(Model, typeof(Registration));
        var kept = (from table in Model.GetRelationalModel().Tables
                    from column in table.Columns
                    let reason = column.PropertyMappings.Select(m => PersonalColumns.KeptByThePurgeBecause(m.Property)).FirstOrDefault(r => r is not null)
                    where reason is not null
                    select (table, column, reason)).ToList();

        Assert.Equal(["Certificates.HolderName"], kept.Select(k => $"{k.table.Name}.{k.column.Name}"));
        foreach (var (table, column, reason) in kept)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            // Marked personal, so an erasure at the person's request reaches it; left out of the purge's list only.
            Assert.Contains(PersonalColumns.Of(table), c => c.Column == column);
            Assert.DoesNotContain(PersonalColumns.Of(table, purge: true), c => c.Column == column);
            Assert.True(PersonalColumns.ChainsTo(table, registrations).Count > 0, $"{table.Name}.{column.Name} is kept by the purge but no foreign key leads to a registration: erasure on request cannot reach it");
        }
    }

    private static IEnumerable<(string Name, IColumn Column, bool Marked, bool Listed)> TextColumns() =>
        from table in Model.GetRelationalModel().Tables
        from column in table.Columns
        let mapping = column.PropertyMappings[0].TypeMapping
        let modelType = Nullable.GetUnderlyingType(column.PropertyMappings[0].Property.ClrType) ?? column.PropertyMappings[0].Property.ClrType
        where (mapping.Converter?.ProviderClrType ?? mapping.ClrType) == typeof(string) && !modelType.IsEnum
        select ($"{table.Name}.{column.Name}", column, PersonalColumns.Of(table).Any(p => p.Column == column), NotPersonal.Keys.Any(key => Matches(key, column)));

    private static bool Matches(string key, IColumn column)
    {
        var (table, name) = (key[..key.IndexOf('.')], key[(key.IndexOf('.') + 1)..]);
        return Part(table, column.Table.Name) && Part(name, column.Name);

        static bool Part(string pattern, string value) =>
            pattern.EndsWith('*') ? value.StartsWith(pattern[..^1], StringComparison.Ordinal) : value == pattern;
    }
}
