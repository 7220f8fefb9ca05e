using Prescriber.Core.Clinics;

namespace Prescriber.Core.Reminders;

/// <summary>
/// A reminder that was queued: one row per (program, patient's local date, slot), with a unique
/// index on that key. It is written in the same transaction as its outbox message, so a scan that
/// runs twice, overlaps itself or runs on two servers queues one email per slot.
/// </summary>
public sealed class ReminderDelivery : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid ProgramId { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>The patient's local date of the slot.</summary>
    public DateOnly LocalDate { get; set; }

    /// <summary>The scheduled local time, as written in the schedule (02:30 even when it fired at 03:30).</summary>
    public TimeOnly Slot { get; set; }

    /// <summary>The instant the slot was due (UTC).</summary>
    public DateTime DueAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid OutboxMessageId { get; set; }
}
