namespace Prescriber.Core.Programs;

public enum ProgramStatus
{
    Active,
    /// <summary>Paused by the clinician: no reminders, and paused days leave the adherence count.</summary>
    Paused,
    Ended,
}
