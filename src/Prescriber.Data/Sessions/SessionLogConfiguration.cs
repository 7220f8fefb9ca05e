using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Data.Sessions;

internal sealed class SessionLogConfiguration : IEntityTypeConfiguration<SessionLog>
{
    public void Configure(EntityTypeBuilder<SessionLog> builder)
    {
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Screening).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ScreeningTier).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.Property(s => s.IdempotencyKey).HasMaxLength(100);
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExerciseProgram>().WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgramVersion>().WithMany().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Entries).WithOne().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        // A retried or double-tapped submit carries the same key: the second insert fails here.
        // Key first: a batch of logs looks up its keys in one query (key = ANY(...)), which a
        // patient-first index can only answer by trying every patient with every key.
        builder.HasIndex(s => new { s.IdempotencyKey, s.PatientId }).IsUnique();
        // A patient's sessions by day: the flag rules' last two weeks, the history, the review.
        builder.HasIndex(s => new { s.PatientId, s.LocalDate });
        builder.HasIndex(s => new { s.ProgramId, s.LocalDate });
    }
}
