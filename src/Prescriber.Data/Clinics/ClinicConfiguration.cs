using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Clinics;
using Prescriber.Core.Flags;

namespace Prescriber.Data.Clinics;

internal sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.HasIndex(c => c.Name).IsUnique();
        // Columns of the clinic row: one clinic, one set of thresholds, read with the clinic.
        // Existing clinics get the defaults as column defaults; -1 as the sentinel keeps a chosen 0
        // (a valid threshold) from being mistaken for "not set".
        builder.ComplexProperty(c => c.FlagSettings, settings =>
        {
            var defaults = new FlagSettings();
            foreach (var property in typeof(FlagSettings).GetProperties().Where(p => p.PropertyType == typeof(int) && p.CanWrite))
            {
                settings.Property(property.Name).HasDefaultValue(property.GetValue(defaults)).HasSentinel(-1);
            }
        });
    }
}
