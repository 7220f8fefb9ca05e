using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Patients;

namespace Prescriber.Data.Patients;

internal sealed class PatientInvitationConfiguration : IEntityTypeConfiguration<PatientInvitation>
{
    public void Configure(EntityTypeBuilder<PatientInvitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(128);
        builder.Property(i => i.InvitedBy).HasMaxLength(450);
        builder.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}
