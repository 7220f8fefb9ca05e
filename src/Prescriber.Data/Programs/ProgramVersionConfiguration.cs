using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Programs;

namespace Prescriber.Data.Programs;

internal sealed class ProgramVersionConfiguration : IEntityTypeConfiguration<ProgramVersion>
{
    public void Configure(EntityTypeBuilder<ProgramVersion> builder)
    {
        builder.Property(v => v.CreatedBy).HasMaxLength(450);
        builder.Property(v => v.Note).HasMaxLength(ProgramRules.MaxNotesLength);
        builder.HasMany(v => v.Exercises).WithOne().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Cascade);
        // Two saves racing to the same number cannot both land.
        builder.HasIndex(v => new { v.ProgramId, v.Number }).IsUnique();
    }
}
