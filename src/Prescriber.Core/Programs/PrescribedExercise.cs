using Prescriber.Core.Clinics;
using Prescriber.Core.Library;

namespace Prescriber.Core.Programs;

/// <summary>
/// One exercise of a version, with its dosage. The name and chosen level are copied in, so an
/// old version still reads as it was prescribed after the library changes.
/// </summary>
public sealed class PrescribedExercise : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid VersionId { get; set; }

    /// <summary>Place in the routine, from 0.</summary>
    public int Order { get; set; }

    public Guid ExerciseId { get; set; }

    public required string ExerciseName { get; set; }

    public Dosage Dosage { get; set; } = new();

    public Side Side { get; set; } = Side.NotSided;

    /// <summary>The chosen level (progression or regression) by name, or null for the exercise as written.</summary>
    public string? Level { get; set; }

    /// <summary>The equipment substitute the patient uses at home, if any.</summary>
    public string? Substitute { get; set; }

    /// <summary>Load and notes for the patient ("light 1 kg weight", "stop before it pinches").</summary>
    public string? Notes { get; set; }
}
