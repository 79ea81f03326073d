using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Results;

namespace Workshops.Web.Data;

/// <summary>
/// A workshop's list of outside recipients of its results (issue 22). One address once per workshop. The name and the
/// address are personal: erased (the row stays) when the organiser takes a recipient off the list and by the retention
/// purge, through the marks below (<see cref="OutsideRecipientData"/>, <see cref="PersonalColumns"/>).
/// </summary>
internal sealed class OutsideRecipientConfiguration : IEntityTypeConfiguration<OutsideRecipient>
{
    public void Configure(EntityTypeBuilder<OutsideRecipient> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.HasOne(r => r.Workshop).WithMany().HasForeignKey(r => r.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Name).HasMaxLength(OutsideRecipient.NameMaxLength).IsRequired().IsPersonalData(ErasedAs.Name);
        // Erased, both read erased-{Id}@invalid, so the unique index below still holds and the address can be added again.
        builder.Property(r => r.Email).HasMaxLength(OutsideRecipient.EmailMaxLength).IsRequired().IsPersonalData(ErasedAs.Address);
        builder.Property(r => r.EmailNormalized).HasMaxLength(OutsideRecipient.EmailMaxLength).IsRequired().IsPersonalData(ErasedAs.Address);
        builder.Property(r => r.Language).HasMaxLength(5).IsRequired();
        builder.Property(r => r.AddedBy).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
        builder.HasIndex(r => new { r.WorkshopId, r.EmailNormalized }).IsUnique();
    }
}
