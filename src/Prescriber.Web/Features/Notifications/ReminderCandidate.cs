using Prescriber.Core.Programs;

namespace Prescriber.Web.Features.Notifications;

/// <summary>What the reminder scan reads of one active program, its patient and its version in force.</summary>
public sealed record ReminderCandidate(
    Guid ProgramId,
    Guid ClinicId,
    string ProgramName,
    DateTime ProgramCreatedAt,
    List<TimeOnly>? PatientReminderTimes,
    WeekDays? PatientReminderDays,
    Guid PatientId,
    string PatientName,
    string PatientEmail,
    string TimeZone,
    DateOnly? PausedUntil,
    WeekDays Days,
    DateOnly StartDate,
    DateOnly? EndDate,
    List<TimeOnly> VersionReminderTimes)
{
    /// <summary>The patient's own times win over the clinician's.</summary>
    public IReadOnlyList<TimeOnly> Times => PatientReminderTimes ?? VersionReminderTimes;

    /// <summary>The plan's days, narrowed to the patient's own reminder days when they chose some.</summary>
    public WeekDays ReminderDays => Days.NarrowedTo(PatientReminderDays);
}
