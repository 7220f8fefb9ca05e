namespace Prescriber.Core.Adherence;

/// <summary>One day at a glance, as the calendar heat map colours it.</summary>
public enum DayState
{
    /// <summary>Nothing was prescribed: not a scheduled day, before the start or after the end.</summary>
    NotPrescribed,
    /// <summary>The clinician paused the program.</summary>
    Paused,
    /// <summary>Today with nothing logged yet, or a day still to come: not counted.</summary>
    Pending,
    /// <summary>Every prescribed session completed.</summary>
    Completed,
    /// <summary>Some credit, but less than every prescribed session.</summary>
    Partial,
    /// <summary>Sessions logged, all of them skipped.</summary>
    Skipped,
    /// <summary>Prescribed, and no log by the end of the patient's day.</summary>
    Missed,
}
