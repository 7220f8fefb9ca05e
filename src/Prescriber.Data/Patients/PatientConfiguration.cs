using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Clinics;
using Prescriber.Core.Patients;

namespace Prescriber.Data.Patients;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.NormalizedEmail).HasMaxLength(254);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ClinicId, p.NormalizedEmail }).IsUnique();
        builder.HasIndex(p => p.UserId);
    }
}
