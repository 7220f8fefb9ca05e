using Prescriber.Core.Programs;

namespace Prescriber.Web.Features.Notifications;

/// <summary>What the reminder scan reads of one active program, its patient and its version in force.</summary>
public sealed record ReminderCandidate(
    Guid ProgramId,
    Guid ClinicId,
    string ProgramName,
    DateTime ProgramCreatedAt,
    List<TimeOnly>? PatientReminderTimes,
    Guid PatientId,
    string PatientName,
    string PatientEmail,
    string TimeZone,
    WeekDays Days,
    DateOnly StartDate,
    DateOnly? EndDate,
    List<TimeOnly> VersionReminderTimes)
{
    /// <summary>The patient's own times win over the clinician's.</summary>
    public IReadOnlyList<TimeOnly> Times => PatientReminderTimes ?? VersionReminderTimes;
}
