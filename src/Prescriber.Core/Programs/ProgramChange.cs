namespace Prescriber.Core.Programs;

public enum ProgramChangeKind
{
    Added,
    Removed,
    DosageChanged,
    LevelChanged,
    SideChanged,
    SubstituteChanged,
    NotesChanged,
    Reordered,
    ScheduleChanged,
}

/// <summary>One line of "what changed" between two versions, already in words a patient can read.</summary>
public sealed record ProgramChange(ProgramChangeKind Kind, string Description);
