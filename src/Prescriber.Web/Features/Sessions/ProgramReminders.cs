using Prescriber.Core.Programs;

namespace Prescriber.Web.Features.Sessions;

/// <summary>One program's reminders as the patient sees them: the times and days in force, and whether they chose them.</summary>
public sealed record ProgramReminders(ExerciseProgram Program, IReadOnlyList<TimeOnly> Times, bool OwnTimes, WeekDays PlanDays, WeekDays Days)
{
    /// <summary>True when the patient narrowed the reminders to fewer days than the plan's.</summary>
    public bool OwnDays => Days != PlanDays;
}
