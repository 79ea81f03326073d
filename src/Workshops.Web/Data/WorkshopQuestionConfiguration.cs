using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Data;

/// <summary>
/// A workshop's custom questions. The options of a choice question are one JSON text column (key and wording in three
/// languages each): they are only ever read and written with their question, so a table of their own buys nothing.
/// </summary>
internal sealed class WorkshopQuestionConfiguration : IEntityTypeConfiguration<WorkshopQuestion>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<WorkshopQuestion> builder)
    {
        builder.ToTable("WorkshopQuestions");
        builder.HasKey(q => q.Id);
        builder.HasOne<Workshop>().WithMany().HasForeignKey(q => q.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.WorkshopId, q.Position });
        builder.Ignore(q => q.Choices);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(q => q.Text, t =>
        {
            t.Property(x => x.Fi).HasMaxLength(WorkshopQuestion.TextMaxLength).IsRequired();
            t.Property(x => x.Sv).HasMaxLength(WorkshopQuestion.TextMaxLength).IsRequired();
            t.Property(x => x.En).HasMaxLength(WorkshopQuestion.TextMaxLength).IsRequired();
        });
        builder.ComplexProperty(q => q.Help, t =>
        {
            t.Property(x => x.Fi).HasMaxLength(WorkshopQuestion.HelpMaxLength).IsRequired();
            t.Property(x => x.Sv).HasMaxLength(WorkshopQuestion.HelpMaxLength).IsRequired();
            t.Property(x => x.En).HasMaxLength(WorkshopQuestion.HelpMaxLength).IsRequired();
        });
        builder.Property(q => q.Options)
            .HasColumnName("OptionsJson")
            .HasConversion(
                options => JsonSerializer.Serialize(options, Json),
                json => JsonSerializer.Deserialize<List<QuestionOption>>(json, Json) ?? new List<QuestionOption>(),
                new ValueComparer<List<QuestionOption>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    options => JsonSerializer.Serialize(options, Json).GetHashCode(StringComparison.Ordinal),
                    options => JsonSerializer.Deserialize<List<QuestionOption>>(JsonSerializer.Serialize(options, Json), Json)!))
            .IsRequired();
    }
}

/// <summary>Answers to custom questions, deleted with their registration's personal data.</summary>
internal sealed class RegistrationAnswerConfiguration : IEntityTypeConfiguration<RegistrationAnswer>
{
    public void Configure(EntityTypeBuilder<RegistrationAnswer> builder)
    {
        builder.ToTable("RegistrationAnswers");
        builder.HasKey(a => a.Id);
        builder.HasOne<Registration>().WithMany(r => r.Answers).HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // A question with answers is archived, never deleted (OrganiserService.RemoveQuestionAsync).
        builder.HasOne<WorkshopQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RegistrationId, a.QuestionId }).IsUnique();
        builder.Property(a => a.QuestionText).HasMaxLength(WorkshopQuestion.TextMaxLength).IsRequired();
        builder.Property(a => a.OptionKeys).HasMaxLength(1000).IsPersonalData();
        builder.Property(a => a.Text).HasMaxLength(WorkshopQuestion.LongAnswerMaxLength + 1000).IsRequired().IsPersonalData(ErasedAs.Empty);
        builder.Ignore(a => a.Keys);
    }
}
