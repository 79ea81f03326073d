using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Data;

internal sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public const int SlugMaxLength = 100;
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 8000;
    public const int PlaceMaxLength = 300;
    public const int UrlMaxLength = 2000;
    public const int ThemesMaxLength = 2000;
    public const int ResultsMaxLength = 8000;

    public void Configure(EntityTypeBuilder<Workshop> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Slug).HasMaxLength(SlugMaxLength).IsRequired();
        builder.HasIndex(w => w.Slug).IsUnique();
        builder.ComplexProperty(w => w.Title, t =>
        {
            t.Property(x => x.Fi).HasMaxLength(TitleMaxLength).IsRequired();
            t.Property(x => x.Sv).HasMaxLength(TitleMaxLength).IsRequired();
            t.Property(x => x.En).HasMaxLength(TitleMaxLength).IsRequired();
        });
        builder.ComplexProperty(w => w.Description, t =>
        {
            t.Property(x => x.Fi).HasMaxLength(DescriptionMaxLength).IsRequired();
            t.Property(x => x.Sv).HasMaxLength(DescriptionMaxLength).IsRequired();
            t.Property(x => x.En).HasMaxLength(DescriptionMaxLength).IsRequired();
        });
        // Each feature's settings and state are complex types: columns of this table, named after the feature
        // (IdeasWall_Enabled, Results_Summary_Fi, Feedback_ClosedAtUtc, Reminders_Enabled, Offers_Hours, Groups_MaxPeople).
        builder.ComplexProperty(w => w.IdeasWall, wall =>
        {
            wall.ComplexProperty(x => x.Themes, t =>
            {
                t.Property(x => x.Fi).HasMaxLength(ThemesMaxLength).IsRequired();
                t.Property(x => x.Sv).HasMaxLength(ThemesMaxLength).IsRequired();
                t.Property(x => x.En).HasMaxLength(ThemesMaxLength).IsRequired();
            });
        });
        builder.ComplexProperty(w => w.Results, results =>
        {
            results.ComplexProperty(x => x.Summary, t =>
            {
                t.Property(x => x.Fi).HasMaxLength(ResultsMaxLength).IsRequired();
                t.Property(x => x.Sv).HasMaxLength(ResultsMaxLength).IsRequired();
                t.Property(x => x.En).HasMaxLength(ResultsMaxLength).IsRequired();
            });
            results.ComplexProperty(x => x.CoverNote, Words);
        });
        builder.ComplexProperty(w => w.Feedback);
        builder.ComplexProperty(w => w.Accessibility, a =>
        {
            a.Property(x => x.StepFreeAccess).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.InductionLoop).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Captions).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.SignLanguage).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.PlainLanguage).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.QuietSpace).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.FreeAssistant).HasConversion<string>().HasMaxLength(20);
            a.ComplexProperty(x => x.Notes, t =>
            {
                t.Property(x => x.Fi).HasMaxLength(Domain.Accessibility.AccessibilityInfo.NotesMaxLength).IsRequired();
                t.Property(x => x.Sv).HasMaxLength(Domain.Accessibility.AccessibilityInfo.NotesMaxLength).IsRequired();
                t.Property(x => x.En).HasMaxLength(Domain.Accessibility.AccessibilityInfo.NotesMaxLength).IsRequired();
            });
        });
        builder.ComplexProperty(w => w.Words, words =>
        {
            words.ComplexProperty(x => x.PracticalInfo, Words);
            words.ComplexProperty(x => x.CancellationReason, Words);
        });
        builder.ComplexProperty(w => w.Reminders);
        // Null kind follows the format; null days keep Privacy__RetentionDays (rows from before these columns: both null).
        builder.ComplexProperty(w => w.Funder, funder => funder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30));
        // Database defaults for the rows that existed before these columns: confirm at once (24 hours once switched on), groups of 5.
        builder.ComplexProperty(w => w.Offers, offers => offers.Property(x => x.Hours).HasDefaultValue(OfferSettings.DefaultHours));
        builder.ComplexProperty(w => w.Groups, groups => groups.Property(x => x.MaxPeople).HasDefaultValue(GroupSettings.DefaultMaxPeople));
        // A hybrid workshop's online seats (null = unlimited, also for every older row: none was hybrid).
        builder.ComplexProperty(w => w.Hybrid);
        builder.Property(w => w.Place).HasMaxLength(PlaceMaxLength);
        builder.Property(w => w.PlaceSv).HasMaxLength(PlaceMaxLength);
        builder.Property(w => w.PlaceEn).HasMaxLength(PlaceMaxLength);
        builder.Property(w => w.OnlineJoinUrl).HasMaxLength(UrlMaxLength);
        builder.Property(w => w.Format).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Audience).HasConversion<string>().HasMaxLength(40);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(w => w.Date);
        // The venue codes' key (Infrastructure/CheckInCode): random bytes, null until filled in for an older workshop.
        builder.Property(w => w.CheckInKey).HasMaxLength(Infrastructure.CheckInCode.KeyBytes);
    }

    /// <summary>The organiser's words (<see cref="WorkshopTexts"/>): one required column per language, empty when none.</summary>
    private static void Words(ComplexPropertyBuilder<Domain.LocalizedText> text)
    {
        text.Property(x => x.Fi).HasMaxLength(WorkshopTexts.MaxLength).IsRequired();
        text.Property(x => x.Sv).HasMaxLength(WorkshopTexts.MaxLength).IsRequired();
        text.Property(x => x.En).HasMaxLength(WorkshopTexts.MaxLength).IsRequired();
    }
}
