using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Funder;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Data;

/// <summary>
/// The one database: the programme, registrations, the outbox, the audit log and the organisers' accounts.
/// This type is the SQLite context (its migrations are in Data/Migrations/Sqlite); <see cref="PostgresWorkshopsDbContext"/>
/// is the same model with PostgreSQL's migrations. The app always asks for this type.
/// </summary>
public class WorkshopsDbContext : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    public WorkshopsDbContext(DbContextOptions<WorkshopsDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's subclass, whose options are typed by the subclass.</summary>
    protected WorkshopsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<ManageToken> ManageTokens => Set<ManageToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<WorkshopQuestion> WorkshopQuestions => Set<WorkshopQuestion>();
    public DbSet<RegistrationAnswer> RegistrationAnswers => Set<RegistrationAnswer>();
    public DbSet<AttendeeMessage> AttendeeMessages => Set<AttendeeMessage>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ResultsMailing> ResultsMailings => Set<ResultsMailing>();
    public DbSet<OutsideRecipient> OutsideRecipients => Set<OutsideRecipient>();
    public DbSet<FeedbackAnswer> FeedbackAnswers => Set<FeedbackAnswer>();
    public DbSet<WalkInVisit> WalkInVisits => Set<WalkInVisit>();

    /// <summary>The workshops chosen for each organiser and door helper (issue 25).</summary>
    public DbSet<MemberWorkshop> MemberWorkshops => Set<MemberWorkshop>();

    /// <summary>Members' notification choices per workshop (issue 25, item 4).</summary>
    public DbSet<NotificationSubscription> NotificationSubscriptions => Set<NotificationSubscription>();

    /// <summary>Failed organiser sign-ins per source and per account (<see cref="Infrastructure.SignInThrottle"/>).</summary>
    public DbSet<Infrastructure.SignInFailures> SignInFailures => Set<Infrastructure.SignInFailures>();

    /// <summary>Seats offered to people on waiting lists, open and ended (<see cref="SeatOffer"/>).</summary>
    public DbSet<SeatOffer> SeatOffers => Set<SeatOffer>();

    /// <summary>Who of a participant activity's roster was sent the funder's self-entry email (<see cref="SelfEntryInvitation"/>).</summary>
    public DbSet<SelfEntryInvitation> SelfEntryInvitations => Set<SelfEntryInvitation>();
    /// <summary>Certificates of attendance, issued once per registration (issue 26).</summary>
    public DbSet<Certificate> Certificates => Set<Certificate>();

    /// <summary>Data Protection keys (antiforgery, sign-in and TempData cookies) live with the data, so they survive restarts and moves.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkshopsDbContext).Assembly);
    }
}
