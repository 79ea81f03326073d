using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Data;

/// <summary>
/// A member's role as a column of Identity's own table (<c>AspNetUsers.Role</c>, a shadow property: Identity's user
/// type stays as it is). The default makes every account that existed before roles, and every account the
/// <c>add-organiser</c> command makes, an administrator; an invitation always names the role.
/// </summary>
internal sealed class MemberConfiguration : IEntityTypeConfiguration<IdentityUser>
{
    public const string Role = "Role";

    /// <summary>The member's language for notifications (fi/sv/en; <c>AspNetUsers.Language</c>, fi by default).</summary>
    public const string Language = "Language";

    public void Configure(EntityTypeBuilder<IdentityUser> builder)
    {
        builder.Property<MemberRole>(Role).HasConversion<string>().HasMaxLength(20).HasDefaultValue(MemberRole.Administrator);
        builder.Property<string>(Language).IsRequired().HasMaxLength(2).HasDefaultValue("fi");
    }
}

/// <summary>A member's notification choice per workshop (<c>NotificationSubscriptions</c>), removed with the account or the workshop.</summary>
internal sealed class NotificationSubscriptionConfiguration : IEntityTypeConfiguration<NotificationSubscription>
{
    public void Configure(EntityTypeBuilder<NotificationSubscription> builder)
    {
        builder.ToTable("NotificationSubscriptions");
        builder.HasKey(s => new { s.UserId, s.WorkshopId });
        builder.Property(s => s.Choice).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Workshop>().WithMany().HasForeignKey(s => s.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.WorkshopId);
    }
}

internal sealed class MemberWorkshopConfiguration : IEntityTypeConfiguration<MemberWorkshop>
{
    public void Configure(EntityTypeBuilder<MemberWorkshop> builder)
    {
        builder.ToTable("MemberWorkshops");
        builder.HasKey(m => new { m.UserId, m.WorkshopId });
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Workshop>().WithMany().HasForeignKey(m => m.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.WorkshopId);
    }
}
