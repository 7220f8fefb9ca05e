using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Clinics;
using Prescriber.Core.Library;

namespace Prescriber.Data.Library;

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> builder)
    {
        builder.Property(e => e.Slug).HasMaxLength(80);
        builder.Property(e => e.Library).HasMaxLength(80);
        builder.Property(e => e.Name).HasMaxLength(ExerciseRules.MaxNameLength);
        builder.Property(e => e.BodyRegion).HasMaxLength(ExerciseRules.MaxNameLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Position).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.SourceTitle).HasMaxLength(200);
        builder.Property(e => e.SourceAuthor).HasMaxLength(200);
        builder.Property(e => e.SourceUrl).HasMaxLength(500);
        builder.Property(e => e.Version).IsConcurrencyToken();

        builder.ComplexProperty(e => e.Dosage);
        builder.ComplexProperty(e => e.Frequency);
        builder.ComplexCollection(e => e.Equipment, b => b.ToJson());
        builder.ComplexCollection(e => e.Levels, b => b.ToJson());

        builder.HasOne<Clinic>().WithMany().HasForeignKey(e => e.ClinicId).OnDelete(DeleteBehavior.Cascade);

        // A library slug is unique among library rows; a custom slug is unique within its clinic.
        // The filter is quoted SQL that SQLite and PostgreSQL read alike.
        builder.HasIndex(e => e.Slug).IsUnique().HasFilter("\"ClinicId\" IS NULL").HasDatabaseName("IX_Exercises_LibrarySlug");
        builder.HasIndex(e => new { e.ClinicId, e.Slug }).IsUnique();
    }
}
