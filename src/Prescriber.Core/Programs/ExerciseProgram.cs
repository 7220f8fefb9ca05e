using Prescriber.Core.Clinics;

namespace Prescriber.Core.Programs;

/// <summary>
/// One patient's living home program. Its content lives in versions: an adjustment adds a
/// version and never rewrites an earlier one, while the program (and the patient's link to it)
/// stays the same.
/// </summary>
public sealed class ExerciseProgram : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public required string Name { get; set; }

    public ProgramStatus Status { get; set; } = ProgramStatus.Active;

    /// <summary>Number of the version in force; versions are numbered from 1.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>Raised by every change; a save that started from an older revision is a conflict.</summary>
    public int Revision { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Reminder times the patient chose; when null, the current version's times apply.</summary>
    public List<TimeOnly>? PatientReminderTimes { get; set; }

    /// <summary>The days of the plan the patient wants reminders on; when null, every day of the plan.</summary>
    public WeekDays? PatientReminderDays { get; set; }

    public List<ProgramVersion> Versions { get; set; } = [];

    public List<ProgramPause> Pauses { get; set; } = [];
}
