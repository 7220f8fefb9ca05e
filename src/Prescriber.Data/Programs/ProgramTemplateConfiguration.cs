using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Clinics;
using Prescriber.Core.Programs;

namespace Prescriber.Data.Programs;

internal sealed class ProgramTemplateConfiguration : IEntityTypeConfiguration<ProgramTemplate>
{
    public void Configure(EntityTypeBuilder<ProgramTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(120);
        builder.Property(t => t.Slug).HasMaxLength(80);
        builder.ComplexCollection(t => t.Exercises, b => b.ToJson());
        builder.HasOne<Clinic>().WithMany().HasForeignKey(t => t.ClinicId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.Slug).IsUnique().HasFilter("\"ClinicId\" IS NULL").HasDatabaseName("IX_ProgramTemplates_ShippedSlug");
        builder.HasIndex(t => new { t.ClinicId, t.Name });
    }
}
