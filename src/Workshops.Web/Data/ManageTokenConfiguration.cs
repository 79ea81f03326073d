using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Data;

internal sealed class ManageTokenConfiguration : IEntityTypeConfiguration<ManageToken>
{
    public void Configure(EntityTypeBuilder<ManageToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasOne(t => t.Registration).WithMany().HasForeignKey(t => t.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Hash).HasMaxLength(32).IsRequired();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.OutgoingEmailId).IsUnique();
    }
}
