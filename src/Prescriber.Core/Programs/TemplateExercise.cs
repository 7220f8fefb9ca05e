using Prescriber.Core.Library;

namespace Prescriber.Core.Programs;

/// <summary>One line of a template, by the exercise's slug so shipped templates survive a re-import.</summary>
public sealed record TemplateExercise
{
    public required string ExerciseSlug { get; init; }

    public Guid? ExerciseId { get; init; }

    public Dosage? Dosage { get; init; }

    public Side Side { get; init; }

    public string? Level { get; init; }

    public string? Notes { get; init; }
}
