using Prescriber.Core.Library;
using Prescriber.Core.Programs;

namespace Prescriber.Web.Features.Notifications;

/// <summary>Everything a plan email says, gathered once for its HTML, text and calendar parts.</summary>
public sealed record PlanEmailContent(
    string ProgramName,
    string PatientName,
    string ClinicName,
    ProgramVersion Version,
    IReadOnlyDictionary<Guid, Exercise> Exercises,
    IReadOnlyList<ProgramChange> Changes,
    IReadOnlyList<TimeOnly> ReminderTimes,
    int Minutes,
    string Link);
