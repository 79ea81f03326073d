using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain;
using Workshops.Web.Email;

namespace Workshops.Web.Data;

public sealed class WorkshopsDbContext(DbContextOptions<WorkshopsDbContext> options) : DbContext(options)
{
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<ManageToken> ManageTokens => Set<ManageToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkshopsDbContext).Assembly);
}
