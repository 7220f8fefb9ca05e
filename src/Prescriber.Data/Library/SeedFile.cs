using System.Text.Json.Serialization;
using Prescriber.Core.Library;

namespace Prescriber.Data.Library;

// The shape of a library file in seeds/. Kept apart from the entity so that a file can never set
// ids, clinics or status, and so the format can stay stable while the entity grows.

internal sealed record SeedFile(string Library, string Title, SeedSource Source, List<System.Text.Json.JsonElement> Exercises, List<SeedTemplate>? Templates = null);

/// <summary>A shipped routine: exercises by slug, each at its default dosage, in this order.</summary>
internal sealed record SeedTemplate(string Slug, string Name, List<string> Exercises, int TimesPerDay = 1);

internal sealed record SeedSource(string Title, string? Author = null, string? Url = null);

// Required fields have no default; optional ones default to empty, so a file states only what it has.
internal sealed record SeedExercise(
    string Slug,
    string Name,
    ExerciseKind Kind,
    string BodyRegion,
    ExercisePosition Position,
    List<string> Steps,
    SeedDosage Dosage,
    SeedFrequency Frequency,
    int EstimatedMinutes,
    List<string>? Aliases = null,
    List<string>? TargetMuscles = null,
    List<SeedEquipment>? Equipment = null,
    List<string>? Cues = null,
    List<string>? Cautions = null,
    bool DosageNeedsClinician = false,
    List<SeedLevel>? Levels = null,
    List<string>? Easier = null,
    List<string>? Harder = null,
    SeedSource? Source = null);

internal sealed record SeedEquipment(string Name, List<string>? Substitutes = null);

internal sealed record SeedDosage(int Sets, int Reps, int HoldSeconds = 0, bool PerSide = false, int RestSeconds = 0)
{
    public Dosage ToDosage() => new() { Sets = Sets, Reps = Reps, HoldSeconds = HoldSeconds, PerSide = PerSide, RestSeconds = RestSeconds };
}

internal sealed record SeedFrequency(int TimesPerDay, int DaysPerWeek);

internal sealed record SeedLevel(string Name, string Instructions, [property: JsonPropertyName("default")] bool IsDefault = false, SeedDosage? Dosage = null);
