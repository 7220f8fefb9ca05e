using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Clinics;

namespace Prescriber.Data.Identity;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(u => u.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.ClinicId);
    }
}
