using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Audit;

namespace Prescriber.Data.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(50);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        // No foreign key to the patient: the trail outlives the rows it speaks of.
        builder.HasIndex(a => new { a.ClinicId, a.At });
        builder.HasIndex(a => a.PatientId);
    }
}
