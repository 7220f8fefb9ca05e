namespace Prescriber.Core.Sessions;

public sealed class EntrySubmission
{
    public Guid PrescribedExerciseId { get; set; }

    public EntryOutcome Outcome { get; set; }

    public int? SetsDone { get; set; }

    public int? RepsDone { get; set; }

    public SkipReason? SkipReason { get; set; }
}
