using Prescriber.Core.Library;

namespace Prescriber.Core.Programs;

/// <summary>One exercise line of a <see cref="ProgramDraft"/>.</summary>
public sealed class PrescriptionDraft
{
    public Guid ExerciseId { get; set; }

    public int Sets { get; set; } = 1;

    public int Reps { get; set; } = 10;

    public int HoldSeconds { get; set; }

    public int RestSeconds { get; set; }

    public Side Side { get; set; } = Side.NotSided;

    public string? Level { get; set; }

    public string? Substitute { get; set; }

    public string? Notes { get; set; }

    /// <summary>Each side doubles the work, so "per side" follows the side chosen.</summary>
    public Dosage ToDosage() => new() { Sets = Sets, Reps = Reps, HoldSeconds = HoldSeconds, RestSeconds = RestSeconds, PerSide = Side == Side.Both };

    public static PrescriptionDraft From(Exercise exercise) => new()
    {
        ExerciseId = exercise.Id,
        Sets = exercise.Dosage.Sets,
        Reps = exercise.Dosage.Reps,
        HoldSeconds = exercise.Dosage.HoldSeconds,
        RestSeconds = exercise.Dosage.RestSeconds,
        Side = exercise.Dosage.PerSide ? Side.Both : Side.NotSided,
        Level = exercise.Levels.FirstOrDefault(l => l.IsDefault)?.Name,
    };

    public static PrescriptionDraft From(PrescribedExercise item) => new()
    {
        ExerciseId = item.ExerciseId,
        Sets = item.Dosage.Sets,
        Reps = item.Dosage.Reps,
        HoldSeconds = item.Dosage.HoldSeconds,
        RestSeconds = item.Dosage.RestSeconds,
        Side = item.Side,
        Level = item.Level,
        Substitute = item.Substitute,
        Notes = item.Notes,
    };
}
