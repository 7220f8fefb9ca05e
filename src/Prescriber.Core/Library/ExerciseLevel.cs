namespace Prescriber.Core.Library;

/// <summary>
/// One rung of an exercise's ladder, easiest first: a regression below the default, a
/// progression above it. A level may change the dosage; otherwise the exercise's own applies.
/// </summary>
public sealed record ExerciseLevel
{
    public required string Name { get; init; }

    public required string Instructions { get; init; }

    public bool IsDefault { get; init; }

    public Dosage? Dosage { get; init; }
}
