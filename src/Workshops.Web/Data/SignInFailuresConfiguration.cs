using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Data;

internal sealed class SignInFailuresConfiguration : IEntityTypeConfiguration<SignInFailures>
{
    public void Configure(EntityTypeBuilder<SignInFailures> builder)
    {
        builder.ToTable("SignInFailures");
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(64);
        builder.HasIndex(f => f.LastFailureAtUtc);
    }
}
