using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Data;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.HasOne(p => p.Workshop).WithMany().HasForeignKey(p => p.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(p => p.MergedIntoId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Text).HasMaxLength(Proposal.TextMaxLength).IsRequired();
        builder.Property(p => p.Theme).HasMaxLength(Proposal.ThemeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(Proposal.NameMaxLength).IsPersonalData();
        builder.Property(p => p.Organisation).HasMaxLength(Proposal.OrganisationMaxLength).IsPersonalData();
        builder.Property(p => p.Language).HasMaxLength(5).IsRequired();
        builder.Property(p => p.Group).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => new { p.WorkshopId, p.State });
        // The wall's ceiling counts a workshop's proposals of the last minute inside every proposal's write.
        builder.HasIndex(p => new { p.WorkshopId, p.CreatedAtUtc });
        // One form submission, one proposal (OutcomeService.SubmitAsync); older rows have no key, and NULLs never collide.
        builder.HasIndex(p => p.FormKey).IsUnique();
    }
}

internal sealed class ResultsMailingConfiguration : IEntityTypeConfiguration<ResultsMailing>
{
    public void Configure(EntityTypeBuilder<ResultsMailing> builder)
    {
        // The key is the send form's own GUID: a second insert of the same form fails (see ResultsMailing).
        builder.HasKey(m => m.Key);
        builder.Property(m => m.Key).ValueGeneratedNever();
        builder.HasOne<Workshop>().WithMany().HasForeignKey(m => m.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        // The organiser, not a recipient: sends to outside recipients are counted per organiser and hour.
        builder.Property(m => m.SentBy).HasMaxLength(Domain.Privacy.AuditEntry.ActorMaxLength);
        builder.HasIndex(m => new { m.SentBy, m.AtUtc });
    }
}
