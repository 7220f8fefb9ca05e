namespace Prescriber.Core.Sessions;

public enum EntryOutcome
{
    Done,
    Partial,
    Skipped,
}
