using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Clinics;

namespace Prescriber.Data.Clinics;

internal sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.HasIndex(c => c.Name).IsUnique();
        // Columns of the clinic row: one clinic, one set of thresholds, read with the clinic.
        builder.ComplexProperty(c => c.FlagSettings);
    }
}
