using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Data;

internal sealed class WalkInVisitConfiguration : IEntityTypeConfiguration<WalkInVisit>
{
    public void Configure(EntityTypeBuilder<WalkInVisit> builder)
    {
        // The form's key is the row's identity: the second post of one form finds it and counts nobody.
        builder.HasKey(v => v.FormKey);
        builder.Property(v => v.FormKey).ValueGeneratedNever();
        builder.HasOne<Workshop>().WithMany().HasForeignKey(v => v.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.WorkshopId);
    }
}
