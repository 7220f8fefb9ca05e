using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;

namespace Prescriber.Data.Programs;

internal sealed class ExerciseProgramConfiguration : IEntityTypeConfiguration<ExerciseProgram>
{
    public void Configure(EntityTypeBuilder<ExerciseProgram> builder)
    {
        builder.ToTable("Programs");
        builder.Property(p => p.Name).HasMaxLength(120);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Pauses).WithOne().HasForeignKey(p => p.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ClinicId, p.PatientId });
    }
}
