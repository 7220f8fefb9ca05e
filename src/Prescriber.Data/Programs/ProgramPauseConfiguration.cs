using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Programs;

namespace Prescriber.Data.Programs;

internal sealed class ProgramPauseConfiguration : IEntityTypeConfiguration<ProgramPause>
{
    public void Configure(EntityTypeBuilder<ProgramPause> builder) => builder.Property(p => p.Reason).HasMaxLength(ProgramRules.MaxNotesLength);
}
