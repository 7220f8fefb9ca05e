namespace Prescriber.Core.Library;

/// <summary>
/// An entry of the exercise library. Library entries come from seeds/ and belong to no clinic;
/// a clinic's custom entries carry its id and are visible to that clinic only.
/// </summary>
public sealed class Exercise
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Null for the shared library; the owning clinic for a custom exercise.</summary>
    public Guid? ClinicId { get; set; }

    /// <summary>Stable across imports and edits: the import matches on it.</summary>
    public required string Slug { get; set; }

    /// <summary>The seed library it was imported from (e.g. "upper-back"); null for custom ones.</summary>
    public string? Library { get; set; }

    public required string Name { get; set; }

    public List<string> Aliases { get; set; } = [];

    public ExerciseKind Kind { get; set; }

    public required string BodyRegion { get; set; }

    public List<string> TargetMuscles { get; set; } = [];

    public ExercisePosition Position { get; set; }

    public List<Equipment> Equipment { get; set; } = [];

    public List<string> Steps { get; set; } = [];

    public List<string> Cues { get; set; } = [];

    public List<string> Cautions { get; set; } = [];

    public Dosage Dosage { get; set; } = new();

    /// <summary>The source gave no dosage: the one shown is a proposal the clinician must confirm.</summary>
    public bool DosageNeedsClinician { get; set; }

    public Frequency Frequency { get; set; } = new();

    /// <summary>Ordered easiest first; at most one is the default.</summary>
    public List<ExerciseLevel> Levels { get; set; } = [];

    /// <summary>Slugs of other exercises to step down to.</summary>
    public List<string> EasierSlugs { get; set; } = [];

    /// <summary>Slugs of other exercises to step up to.</summary>
    public List<string> HarderSlugs { get; set; } = [];

    public int EstimatedMinutes { get; set; } = 1;

    public string? SourceTitle { get; set; }

    public string? SourceAuthor { get; set; }

    public string? SourceUrl { get; set; }

    public ExerciseStatus Status { get; set; } = ExerciseStatus.Active;

    /// <summary>Raised on every change; also the optimistic-concurrency token.</summary>
    public int Version { get; set; } = 1;

    public DateTime UpdatedAt { get; set; }

    public bool IsCustom => ClinicId is not null;
}
