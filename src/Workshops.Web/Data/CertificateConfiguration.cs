using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Data;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.Property(c => c.Code).HasMaxLength(Certificate.CodeLength).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        // One certificate per registration, whoever asks first (the person's page, the organiser's send, two instances).
        builder.HasIndex(c => c.RegistrationId).IsUnique();
        builder.HasOne(c => c.Registration).WithMany().HasForeignKey(c => c.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Workshop).WithMany().HasForeignKey(c => c.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        // Erased when the holder asks (the certificate is withdrawn); kept by the workshop's purge, which is the point of a certificate.
        builder.Property(c => c.HolderName).HasMaxLength(Registration.NameMaxLength).IsRequired()
            .IsPersonalData(ErasedAs.Name)
            .KeptByThePurge("what a certificate of attendance certifies: a third party verifies the name on it; deleted after Certificates__RetentionYears (privacy notice)");
        builder.Property(c => c.Language).HasMaxLength(5).IsRequired();
    }
}
