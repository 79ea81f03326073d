using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Feedback;

namespace Workshops.Web.Data;

/// <summary>
/// Feedback answers (issue 15b). One answer per participant: a unique index on RegistrationId where it is set (walk-in and
/// anonymised answers have none). Erasing a person never deletes the row (it is unlinked by the domain first); the
/// foreign key still says what happens if a registration row is ever deleted: the answer stays, unlinked.
/// </summary>
internal sealed class FeedbackAnswerConfiguration : IEntityTypeConfiguration<FeedbackAnswer>
{
    public void Configure(EntityTypeBuilder<FeedbackAnswer> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.HasOne(a => a.Workshop).WithMany().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Registration).WithMany().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.WouldComeAgain).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.WhatWorked).HasMaxLength(FeedbackAnswer.TextMaxLength).IsPersonalData();
        builder.Property(a => a.WhatToImprove).HasMaxLength(FeedbackAnswer.TextMaxLength).IsPersonalData();
        builder.Property(a => a.Language).HasMaxLength(5).IsRequired();
        builder.HasIndex(a => a.RegistrationId).IsUnique().HasFilter("\"RegistrationId\" IS NOT NULL");
        builder.HasIndex(a => a.WorkshopId);
        // One walk-in form submission, one answer (FeedbackService.SaveWalkInAsync); NULLs (participants, older rows) never collide.
        builder.HasIndex(a => a.FormKey).IsUnique();
    }
}
