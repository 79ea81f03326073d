using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Email;

namespace Workshops.Web.Data;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne(e => e.Registration).WithMany().HasForeignKey(e => e.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.LastError).HasMaxLength(OutgoingEmail.ErrorMaxLength);
        builder.Property(e => e.PreviousScheduleJson).HasMaxLength(1000);
        builder.HasIndex(e => new { e.State, e.NextAttemptAtUtc });
        // A plain column, not a foreign key: on SQLite a new foreign key rebuilds the whole outbox table (a migration
        // step that cannot run in a transaction). Messages are never deleted, so the id always finds its row.
        builder.HasIndex(e => e.AttendeeMessageId);
    }
}
