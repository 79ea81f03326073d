using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain;

namespace Workshops.Web.Data;

public sealed class WorkshopsDbContext(DbContextOptions<WorkshopsDbContext> options) : DbContext(options)
{
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<Registration> Registrations => Set<Registration>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkshopsDbContext).Assembly);
}
