using Prescriber.Core.Clinics;

namespace Prescriber.Core.Programs;

/// <summary>What was prescribed from one moment on: the exercises with their dosage, and the schedule.</summary>
public sealed class ProgramVersion : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid ProgramId { get; set; }

    public int Number { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>The clinician's word on why this version exists ("progressed the T raise").</summary>
    public string? Note { get; set; }

    public int TimesPerDay { get; set; } = 1;

    public WeekDays Days { get; set; } = WeekDays.Every;

    public DateOnly StartDate { get; set; }

    /// <summary>Optional end or review date; the program is not scheduled after it.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>The patient's local reminder times, earliest first.</summary>
    public List<TimeOnly> ReminderTimes { get; set; } = [];

    public List<PrescribedExercise> Exercises { get; set; } = [];
}
