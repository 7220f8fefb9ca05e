using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Flags;
using Prescriber.Core.Patients;
using Prescriber.Core.Sessions;

namespace Prescriber.Data.Flags;

internal sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> builder)
    {
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Summary).HasMaxLength(1000);
        builder.Property(f => f.Comment).HasMaxLength(1000);
        builder.Property(f => f.ChangedBy).HasMaxLength(256);
        builder.HasOne<Patient>().WithMany().HasForeignKey(f => f.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SessionLog>().WithMany().HasForeignKey(f => f.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => new { f.ClinicId, f.Status, f.Severity });
    }
}
