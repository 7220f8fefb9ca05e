namespace Prescriber.Web.Features.Sessions;

public sealed class TodayEntryInput
{
    public Guid PrescribedExerciseId { get; set; }

    public string Outcome { get; set; } = "Done";

    public int? SetsDone { get; set; }

    public int? RepsDone { get; set; }

    public string? SkipReason { get; set; }
}
