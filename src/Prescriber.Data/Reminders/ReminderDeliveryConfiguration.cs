using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prescriber.Core.Programs;
using Prescriber.Core.Reminders;

namespace Prescriber.Data.Reminders;

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.HasOne<ExerciseProgram>().WithMany().HasForeignKey(d => d.ProgramId).OnDelete(DeleteBehavior.Cascade);
        // The dedup: one reminder per program, local date and slot, whoever writes it first.
        builder.HasIndex(d => new { d.ProgramId, d.LocalDate, d.Slot }).IsUnique().HasDatabaseName(ReminderDeliveries.KeyIndexName);
    }
}
