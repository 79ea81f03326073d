using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Results;

namespace Workshops.Web.Data;

/// <summary>
/// A workshop's list of outside recipients of its results (issue 22). One address once per workshop. Rows are deleted
/// when the organiser erases a recipient and by the retention purge (<see cref="OutsideRecipientData"/>).
/// </summary>
internal sealed class OutsideRecipientConfiguration : IEntityTypeConfiguration<OutsideRecipient>
{
    public void Configure(EntityTypeBuilder<OutsideRecipient> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.HasOne(r => r.Workshop).WithMany().HasForeignKey(r => r.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Name).HasMaxLength(OutsideRecipient.NameMaxLength).IsRequired(); // personal
        builder.Property(r => r.Email).HasMaxLength(OutsideRecipient.EmailMaxLength).IsRequired(); // personal
        builder.Property(r => r.EmailNormalized).HasMaxLength(OutsideRecipient.EmailMaxLength).IsRequired(); // personal
        builder.Property(r => r.Language).HasMaxLength(5).IsRequired();
        builder.Property(r => r.AddedBy).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
        builder.HasIndex(r => new { r.WorkshopId, r.EmailNormalized }).IsUnique();
    }
}
