using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Funder;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Data;

internal sealed class SelfEntryInvitationConfiguration : IEntityTypeConfiguration<SelfEntryInvitation>
{
    public void Configure(EntityTypeBuilder<SelfEntryInvitation> builder)
    {
        // The registration is the key: a second row for the same person cannot be written, whichever instance tries.
        builder.HasKey(i => i.RegistrationId);
        builder.Property(i => i.RegistrationId).ValueGeneratedNever();
        builder.HasOne<Registration>().WithOne().HasForeignKey<SelfEntryInvitation>(i => i.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Workshop>().WithMany().HasForeignKey(i => i.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.WorkshopId);
    }
}
