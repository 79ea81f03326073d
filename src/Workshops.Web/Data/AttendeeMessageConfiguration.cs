using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Web.Data;

internal sealed class AttendeeMessageConfiguration : IEntityTypeConfiguration<AttendeeMessage>
{
    public void Configure(EntityTypeBuilder<AttendeeMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne(m => m.Workshop).WithMany().HasForeignKey(m => m.WorkshopId).OnDelete(DeleteBehavior.Restrict);

        // The last guard of "one form, one message": a second insert with the same key fails instead of sending twice.
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => new { m.WorkshopId, m.SentAtUtc });
        builder.ComplexProperty(m => m.Subject, t =>
        {
            t.Property(x => x.Fi).HasMaxLength(AttendeeMessage.SubjectMaxLength).IsRequired();
            t.Property(x => x.Sv).HasMaxLength(AttendeeMessage.SubjectMaxLength).IsRequired();
            t.Property(x => x.En).HasMaxLength(AttendeeMessage.SubjectMaxLength).IsRequired();
        });
        builder.ComplexProperty(m => m.Body, t =>
        {
            t.Property(x => x.Fi).HasMaxLength(AttendeeMessage.BodyMaxLength).IsRequired();
            t.Property(x => x.Sv).HasMaxLength(AttendeeMessage.BodyMaxLength).IsRequired();
            t.Property(x => x.En).HasMaxLength(AttendeeMessage.BodyMaxLength).IsRequired();
        });
        builder.Property(m => m.Recipients).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.SentBy).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
    }
}
