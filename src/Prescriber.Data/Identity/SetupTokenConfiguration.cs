using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prescriber.Data.Identity;

internal sealed class SetupTokenConfiguration : IEntityTypeConfiguration<SetupToken>
{
    public void Configure(EntityTypeBuilder<SetupToken> builder)
    {
        builder.Property(t => t.TokenHash).HasMaxLength(128);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}
