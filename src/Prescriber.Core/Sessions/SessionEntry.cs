using Prescriber.Core.Clinics;

namespace Prescriber.Core.Sessions;

/// <summary>What the patient did of one prescribed exercise in a session.</summary>
public sealed class SessionEntry : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid SessionId { get; set; }

    public Guid PrescribedExerciseId { get; set; }

    public EntryOutcome Outcome { get; set; }

    /// <summary>Sets actually done, when different from the prescription.</summary>
    public int? SetsDone { get; set; }

    /// <summary>Repetitions per set actually done, when different from the prescription.</summary>
    public int? RepsDone { get; set; }

    public SkipReason? SkipReason { get; set; }
}
