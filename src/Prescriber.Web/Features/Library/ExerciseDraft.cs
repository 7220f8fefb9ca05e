using Prescriber.Core.Library;

namespace Prescriber.Web.Features.Library;

/// <summary>A clinic's custom exercise as a clinician writes it, in the form or through the API.</summary>
public sealed class ExerciseDraft
{
    public string Name { get; set; } = "";

    public List<string> Aliases { get; set; } = [];

    public ExerciseKind Kind { get; set; } = ExerciseKind.Stretch;

    public ExercisePosition Position { get; set; } = ExercisePosition.Sitting;

    public string BodyRegion { get; set; } = "";

    public List<string> TargetMuscles { get; set; } = [];

    public List<Equipment> Equipment { get; set; } = [];

    public List<string> Steps { get; set; } = [];

    public List<string> Cues { get; set; } = [];

    public List<string> Cautions { get; set; } = [];

    public Dosage Dosage { get; set; } = new();

    public Frequency Frequency { get; set; } = new();

    public List<ExerciseLevel> Levels { get; set; } = [];

    public int EstimatedMinutes { get; set; } = 2;

    /// <summary>The version the edit started from; a save against a newer one is a conflict.</summary>
    public int? Version { get; set; }

    public static ExerciseDraft From(Exercise exercise) => new()
    {
        Name = exercise.Name,
        Aliases = [.. exercise.Aliases],
        Kind = exercise.Kind,
        Position = exercise.Position,
        BodyRegion = exercise.BodyRegion,
        TargetMuscles = [.. exercise.TargetMuscles],
        Equipment = [.. exercise.Equipment],
        Steps = [.. exercise.Steps],
        Cues = [.. exercise.Cues],
        Cautions = [.. exercise.Cautions],
        Dosage = exercise.Dosage,
        Frequency = exercise.Frequency,
        Levels = [.. exercise.Levels],
        EstimatedMinutes = exercise.EstimatedMinutes,
        Version = exercise.Version,
    };

    /// <summary>Copies the draft onto an exercise, trimming text and dropping blank lines.</summary>
    public void ApplyTo(Exercise exercise)
    {
        exercise.Name = Name.Trim();
        exercise.Aliases = Clean(Aliases);
        exercise.Kind = Kind;
        exercise.Position = Position;
        exercise.BodyRegion = BodyRegion.Trim();
        exercise.TargetMuscles = Clean(TargetMuscles);
        exercise.Equipment = Equipment
            .Where(e => !string.IsNullOrWhiteSpace(e.Name))
            .Select(e => new Equipment { Name = e.Name.Trim(), Substitutes = Clean(e.Substitutes) })
            .ToList();
        exercise.Steps = Clean(Steps);
        exercise.Cues = Clean(Cues);
        exercise.Cautions = Clean(Cautions);
        exercise.Dosage = Dosage;
        exercise.Frequency = Frequency;
        exercise.Levels = [.. Levels];
        exercise.EstimatedMinutes = EstimatedMinutes;
    }

    private static List<string> Clean(IEnumerable<string>? lines) =>
        (lines ?? []).Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).ToList();
}
