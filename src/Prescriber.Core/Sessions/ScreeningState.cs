namespace Prescriber.Core.Sessions;

public enum ScreeningState
{
    NotNeeded,
    /// <summary>Saved, with the checklist not yet answered: the clinician already has a flag.</summary>
    Pending,
    Answered,
}
