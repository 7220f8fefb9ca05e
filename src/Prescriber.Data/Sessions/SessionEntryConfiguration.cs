using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Data.Sessions;

internal sealed class SessionEntryConfiguration : IEntityTypeConfiguration<SessionEntry>
{
    public void Configure(EntityTypeBuilder<SessionEntry> builder)
    {
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.SkipReason).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<PrescribedExercise>().WithMany().HasForeignKey(e => e.PrescribedExerciseId).OnDelete(DeleteBehavior.Restrict);
    }
}
