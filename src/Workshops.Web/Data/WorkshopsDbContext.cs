using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain;
using Workshops.Web.Email;

namespace Workshops.Web.Data;

/// <summary>The one database: the programme, registrations, the outbox, the audit log and the organisers' accounts.</summary>
public sealed class WorkshopsDbContext(DbContextOptions<WorkshopsDbContext> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<ManageToken> ManageTokens => Set<ManageToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Data Protection keys (antiforgery, sign-in and TempData cookies) live with the data, so they survive restarts and moves.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkshopsDbContext).Assembly);
    }
}
