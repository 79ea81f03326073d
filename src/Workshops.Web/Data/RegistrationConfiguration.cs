using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Data;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.HasKey(r => r.Id);
        // AUTOINCREMENT: ids are never reused, so they order arrivals for the waiting list.
        builder.Property(r => r.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.HasOne(r => r.Workshop).WithMany().HasForeignKey(r => r.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Name).HasMaxLength(Registration.NameMaxLength).IsRequired().IsPersonalData(ErasedAs.Name);
        // Null only for someone an organiser added at the door without an address (erasure keeps a null a null).
        builder.Property(r => r.Email).HasMaxLength(Registration.EmailMaxLength).IsPersonalData(ErasedAs.Address);
        builder.Property(r => r.EmailNormalized).HasMaxLength(Registration.EmailMaxLength).IsPersonalData(ErasedAs.Address);
        builder.Property(r => r.Organisation).HasMaxLength(Registration.OrganisationMaxLength).IsPersonalData();
        builder.Property(r => r.Needs).HasMaxLength(Registration.NeedsMaxLength).IsPersonalData();
        builder.Property(r => r.AccessNeeds).IsPersonalData(ErasedAs.Zero);
        // With the organisation's name it tells where the person works: personal data, erased and purged with it.
        builder.Property(r => r.OrganisationType).HasConversion<string>().HasMaxLength(30).IsPersonalData();
        builder.Property(r => r.Language).HasMaxLength(5).IsRequired();
        builder.Property(r => r.Group).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        // On site or online (a hybrid workshop's choice; otherwise the format's mode). Older rows: 'OnSite' (set in the migration).
        builder.Property(r => r.Mode).HasConversion<string>().HasMaxLength(20);
        // Who marked the arrival: the person with the venue code (true) or an organiser (false, also for every older row).
        builder.Property(r => r.SelfCheckedIn);

        // One active registration per address and workshop; a cancelled one may register again. People without an
        // address are not compared (both databases treat NULLs as distinct anyway; the filter says so).
        builder.HasIndex(r => new { r.WorkshopId, r.EmailNormalized })
            .IsUnique()
            .HasFilter("\"Status\" <> 'Cancelled' AND \"EmailNormalized\" IS NOT NULL");
        // Seat counts use its first two columns. The waiting-list position (ReadQueries.WaitingListPositionAsync: the
        // waitlisted, not erased, registrations with a lower Id) is answered on SQLite from the index alone, its rows
        // ahead in rowid (= Id) order, without reading each row: at 20,000 registrations 0.7 ms instead of 2.8 ms a
        // count, three counts a registration (docs/performance.md). On PostgreSQL Id is not in the index, so the
        // rows it selects are still visited.
        builder.HasIndex(r => new { r.WorkshopId, r.Status, r.ErasedAtUtc });
    }
}
