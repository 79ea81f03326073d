using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Web.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.Property(a => a.Actor).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        // No foreign keys: the log outlives what it describes, and erasing a person never rewrites it.
        builder.HasIndex(a => a.AtUtc);
    }
}
