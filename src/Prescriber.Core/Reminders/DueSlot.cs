namespace Prescriber.Core.Reminders;

/// <summary>One reminder that should go out: the patient's local date, the scheduled local time (the slot) and the instant it is due.</summary>
public sealed record DueSlot(DateOnly LocalDate, TimeOnly Slot, DateTimeOffset DueAt);
