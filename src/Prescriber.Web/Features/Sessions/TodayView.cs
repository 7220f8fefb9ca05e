using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Sessions;

/// <summary>What the today page shows: the version in force, its exercises, the days that can still be logged.</summary>
public sealed record TodayView(
    Patient Patient,
    ExerciseProgram Program,
    ProgramVersion Version,
    IReadOnlyDictionary<Guid, Exercise> Exercises,
    IReadOnlyList<DateOnly> LoggableDates,
    IReadOnlyList<SessionLog> RecentSessions);
