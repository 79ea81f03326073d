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
        // Optional: a message to an outside recipient (results to a city manager) belongs to no registration.
        builder.HasOne(e => e.Registration).WithMany().HasForeignKey(e => e.RegistrationId).IsRequired(false).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Workshops.Workshop>().WithMany().HasForeignKey(e => e.WorkshopId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.RecipientName).HasMaxLength(OutgoingEmail.RecipientNameMaxLength).IsPersonalData();
        // The check constraint below wants an address on a row without a registration: erased, it reads erased-{Id}@invalid.
        builder.Property(e => e.RecipientEmail).HasMaxLength(OutgoingEmail.RecipientEmailMaxLength).IsPersonalData(ErasedAs.Address);
        builder.Property(e => e.Language).HasMaxLength(5);
        // One message per registration and send form: a double-clicked "send" cannot queue a second copy.
        builder.HasIndex(e => new { e.MailingKey, e.RegistrationId }).IsUnique().HasFilter("\"MailingKey\" IS NOT NULL");
        // A notice to an organiser about their account (password changed, an invitation, a reset link) is about no workshop.
        builder.ToTable(t => t.HasCheckConstraint("CK_OutgoingEmails_Recipient",
            "(\"RegistrationId\" IS NOT NULL) OR (\"RecipientEmail\" IS NOT NULL AND (\"WorkshopId\" IS NOT NULL OR \"Kind\" IN ('PasswordChanged', 'MemberInvitation', 'PasswordReset', 'MemberNotice', 'MemberDigest')))"));
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        // An SMTP server's reply may quote the address.
        builder.Property(e => e.LastError).HasMaxLength(OutgoingEmail.ErrorMaxLength).IsPersonalData();
        builder.Property(e => e.PreviousScheduleJson).HasMaxLength(1000);
        builder.HasIndex(e => new { e.State, e.NextAttemptAtUtc });
        // A plain column, not a foreign key: on SQLite a new foreign key rebuilds the whole outbox table (a migration
        // step that cannot run in a transaction). Messages are never deleted, so the id always finds its row.
        builder.HasIndex(e => e.AttendeeMessageId);
    }
}
