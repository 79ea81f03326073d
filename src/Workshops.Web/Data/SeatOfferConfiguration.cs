using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Offers;

namespace Workshops.Web.Data;

internal sealed class SeatOfferConfiguration : IEntityTypeConfiguration<SeatOffer>
{
    public void Configure(EntityTypeBuilder<SeatOffer> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.HasOne(o => o.Registration).WithMany().HasForeignKey(o => o.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(20);

        // At most one open offer per person: a second one (two seats freed at once, two instances) is refused by the database.
        builder.HasIndex(o => o.RegistrationId).IsUnique().HasFilter("\"State\" = 'Open'");
        // Seat counts and the expiry scan: the open offers of a workshop, and those due.
        builder.HasIndex(o => new { o.WorkshopId, o.State });
        builder.HasIndex(o => new { o.State, o.ExpiresAtUtc });
    }
}
