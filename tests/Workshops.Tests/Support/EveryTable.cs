using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Results;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Support;

/// <summary>
/// A site with a row in every table of the model, made through the app's own services (registration, questions,
/// proposals, feedback, messages, a seat offer, results) and, for ASP.NET Core Identity's tables the app never writes (roles, claims,
/// logins, tokens), straight through the DbContext. A walk-in visitor counted in with the venue code fills WalkInVisits. <see cref="EmptyTablesAsync"/> says which tables are still empty,
/// so a table added to the model fails the tests that need every table until it gets a row here.
/// </summary>
public static class EveryTable
{
    public const string Slug = RegistrationSteps.Rauma;

    /// <summary>The person whose data the erasure tests look for; registered first (confirmed, checked in).</summary>
    public static readonly Person Aino = new("Aino Ääkkönen", "aino.aakkonen@example.fi", "Ääkkösen Konsultointi Tmi");

    /// <summary>Registered second: waiting list (capacity 1), then offered the second seat (an open seat offer).</summary>
    public static readonly Person Bertil = new("Bertil Berg", "bertil.berg@example.fi", "Bergs Bageri Ab");

    /// <summary>On the workshop's list of outside recipients; gets the results by email without registering.</summary>
    public static readonly Person Kaija = new("Kaija Kaupunginjohtaja", "kaija.kaupunginjohtaja@example.fi", "");

    public const string Answer = "Ääkkösen Konsultointi Tmi:n uutiskirjeestä";
    public const string Worked = "Penkit olivat hyvät ja kahvi lämmintä";
    public const string MessageSubject = "Tervetuloa Raumalle";

    /// <summary>Fills every table; the workshop <see cref="Slug"/> was held yesterday (so feedback is asked and open) and has one seat.</summary>
    public static async Task PopulateAsync(WorkshopsFactory app)
    {
        await Organisers.CreateAsync(app);
        var browser = app.Browser();
        await Organisers.SubmitSignInAsync(browser, Organisers.Email, "not the password"); // a failed sign-in: its source's count stays
        await Organisers.SubmitSignInAsync(browser, Organisers.Email, Organisers.Password); // an audit entry, the key ring
        var today = DateOnly.FromDateTime(HelsinkiTime.Now(app.Time));
        await app.UpdateWorkshopAsync(Slug, w => (w.Capacity, w.IdeasWall.Enabled) = (1, true));
        var workshop = await app.WorkshopAsync(Slug);

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<QuestionService>().AddAsync(workshop.Id,
            new QuestionDraft(QuestionKind.ShortText, Text("Mistä kuulit työpajasta?"), Text("Vapaa vastaus"), false, []), Organisers.Email);
        var question = await app.WithDbAsync(db => db.WorkshopQuestions.Where(q => q.WorkshopId == workshop.Id).MaxAsync(q => q.Id));
        var registrations = services.GetRequiredService<RegistrationService>();
        foreach (var person in new[] { Aino, Bertil })
        {
            var answers = new List<AnswerRequest> { new(question, [person == Aino ? Answer : "Lehdestä"]) };
            await registrations.RegisterAsync(workshop.Id, new RegistrationRequest(person.Name, person.Email, person.Organisation, HelixGroup.Citizen, "Gluteeniton", "fi", answers));
        }

        var aino = await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Email == Aino.Email));
        await services.GetRequiredService<CheckInService>().SetCheckedInAsync(aino.Id, true, Organisers.Email);
        await services.GetRequiredService<MessagingService>().SendAsync(workshop.Id, Guid.NewGuid(),
            new MessageDraft(Text(MessageSubject), Text("Kokoonnumme pääovella."), MessageRecipients.AllActive), Organisers.Email);

        // A seat offer: with offers on, a second seat is offered to Bertil, who waits (his registration stays Waitlisted).
        await OfferSteps.SettingsAsync(app, Slug, offers: true, capacity: 2);

        // Two proposals, the first merged into the second: a row referring to a later row of its own table.
        var ideas = services.GetRequiredService<IdeasWallService>();
        var first = await ideas.SubmitAsync(workshop.Id, Guid.NewGuid(), new ProposalRequest("Lisää penkkejä torille", null, Aino.Name, Aino.Organisation, true, HelixGroup.Citizen, "fi"));
        var second = await ideas.SubmitAsync(workshop.Id, Guid.NewGuid(), new ProposalRequest("Penkkejä torille, kiitos", null, null, null, false, null, "fi"));
        Assert.Equal(ModerationOutcome.Done, await ideas.MergeAsync(workshop.Id, first.ProposalId!.Value, second.ProposalId!.Value, Organisers.Email));

        // Held yesterday: feedback is asked of those who came (Aino, checked in) once the workshop has ended.
        await app.UpdateWorkshopAsync(Slug, w => w.Date = today.AddDays(-1));
        Assert.Equal(1, (await services.GetRequiredService<FeedbackService>().SendNowAsync(workshop.Id, Organisers.Email)).Queued);
        Assert.Equal(FeedbackSaveOutcome.Saved, await services.GetRequiredService<FeedbackService>().SaveParticipantAsync(aino.Id,
            new FeedbackResponse(5, 4, Worked, $"Enemmän aikaa, terveisin {Aino.Name}", ComeAgain.Yes), "fi"));
        // Aino attended a participant activity that has ended: her funder's self-entry email is recorded (issue 26).
        await app.WithDbAsync(async db =>
        {
            db.SelfEntryInvitations.Add(new Workshops.Web.Domain.Funder.SelfEntryInvitation { RegistrationId = aino.Id, WorkshopId = workshop.Id, QueuedAtUtc = app.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        // Aino attended a workshop that has ended: her certificate of attendance.
        Assert.NotNull(await services.GetRequiredService<CertificateService>().IssueAsync(aino.Id));
        var results = services.GetRequiredService<ResultsService>();
        Assert.Equal(RecipientAddOutcome.Added, await results.AddRecipientAsync(workshop.Id, Kaija.Name, Kaija.Email, "fi", Organisers.Email));
        var kaija = await app.WithDbAsync(db => db.OutsideRecipients.AsNoTracking().SingleAsync(r => r.Email == Kaija.Email));
        Assert.Equal(1, (await results.SendToRecipientAsync(workshop.Id, Guid.NewGuid(), kaija.Id, Organisers.Email)).Queued);

        // A visitor at the walk-in bench café, held all day today, counts themselves in with the venue code.
        await app.UpdateWorkshopAsync(Outcome.BenchCafe, w => (w.Date, w.StartTime, w.EndTime) = (today, null, null));
        var cafe = await app.WorkshopAsync(Outcome.BenchCafe);
        var code = CheckInCode.VenueCode(cafe.CheckInKey!, app.Time.GetUtcNow());
        Assert.Equal(SelfCheckInOutcome.CheckedIn, (await services.GetRequiredService<CheckInService>().CountVisitorAsync(cafe.Id, code, Guid.NewGuid())).Outcome);

        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == Organisers.Email);
            var role = new IdentityRole("järjestäjä") { NormalizedName = "JÄRJESTÄJÄ" };
            db.Roles.Add(role);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = "kieli", ClaimValue = "fi" });
            db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = "saa", ClaimValue = "muokata" });
            db.UserLogins.Add(new IdentityUserLogin<string> { UserId = user.Id, LoginProvider = "Testi", ProviderKey = "k-1", ProviderDisplayName = "Testi" });
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "Testi", Name = "avain", Value = "arvo" });
            db.MemberWorkshops.Add(new MemberWorkshop { UserId = user.Id, WorkshopId = workshop.Id });
            db.NotificationSubscriptions.Add(NotificationSubscription.Start(
                user.Id, workshop.Id, NotificationChoice.Digest, app.Time.GetUtcNow().UtcDateTime, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), digestDoneToday: false));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>The tables of the model's entity types (owned and complex parts live in their owner's) without a row.</summary>
    public static async Task<List<string>> EmptyTablesAsync(WorkshopsDbContext db)
    {
        var empty = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null)
                     .Select(e => StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema())).Distinct())
        {
            var name = db.GetInfrastructure().GetRequiredService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>().DelimitIdentifier(table.Name, table.Schema);
            var sql = "SELECT COUNT(*) AS \"Value\" FROM " + name;
            var count = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
            if (count == 0)
            {
                empty.Add(table.Name);
            }
        }

        return empty;
    }

    private static LocalizedText Text(string fi) => new() { Fi = fi, Sv = fi + " (sv)", En = fi + " (en)" };

    /// <summary>A person's name, address and organisation as typed.</summary>
    public sealed record Person(string Name, string Email, string Organisation);
}
