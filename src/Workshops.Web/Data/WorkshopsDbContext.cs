using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain;
using Workshops.Web.Email;

namespace Workshops.Web.Data;

/// <summary>The one database: the programme, registrations, the outbox, the audit log and the organisers' accounts.</summary>
public sealed class WorkshopsDbContext(DbContextOptions<WorkshopsDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<ManageToken> ManageTokens => Set<ManageToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkshopsDbContext).Assembly);
    }
}
