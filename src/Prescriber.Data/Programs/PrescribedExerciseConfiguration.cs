using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Library;
using Prescriber.Core.Programs;

namespace Prescriber.Data.Programs;

internal sealed class PrescribedExerciseConfiguration : IEntityTypeConfiguration<PrescribedExercise>
{
    public void Configure(EntityTypeBuilder<PrescribedExercise> builder)
    {
        builder.Property(e => e.ExerciseName).HasMaxLength(ExerciseRules.MaxNameLength);
        builder.Property(e => e.Side).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Level).HasMaxLength(ExerciseRules.MaxNameLength);
        builder.Property(e => e.Substitute).HasMaxLength(ExerciseRules.MaxTextLength);
        builder.Property(e => e.Notes).HasMaxLength(ProgramRules.MaxNotesLength);
        builder.ComplexProperty(e => e.Dosage);
        builder.HasOne<Exercise>().WithMany().HasForeignKey(e => e.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.VersionId, e.Order });
    }
}
