using Prescriber.Core.Library;

namespace Prescriber.Web.Features.Library;

/// <summary>The editor's fields: lists as lines or comma-separated text, numbers as typed.</summary>
public sealed class ExerciseForm
{
    public string Name { get; set; } = "";
    public string Aliases { get; set; } = "";
    public ExerciseKind Kind { get; set; } = ExerciseKind.Stretch;
    public ExercisePosition Position { get; set; } = ExercisePosition.Sitting;
    public string BodyRegion { get; set; } = "";
    public string TargetMuscles { get; set; } = "";
    public string Equipment { get; set; } = "";
    public string Steps { get; set; } = "";
    public string Cues { get; set; } = "";
    public string Cautions { get; set; } = "";
    public int Sets { get; set; } = 1;
    public int Reps { get; set; } = 10;
    public int HoldSeconds { get; set; }
    public int RestSeconds { get; set; }
    public bool PerSide { get; set; }
    public int TimesPerDay { get; set; } = 1;
    public int DaysPerWeek { get; set; } = 7;
    public int EstimatedMinutes { get; set; } = 2;
    public int? Version { get; set; }
    private List<ExerciseLevel> Levels { get; set; } = [];

    public static ExerciseForm From(ExerciseDraft draft) => new()
    {
        Name = draft.Name,
        Aliases = string.Join(", ", draft.Aliases),
        Kind = draft.Kind,
        Position = draft.Position,
        BodyRegion = draft.BodyRegion,
        TargetMuscles = string.Join(", ", draft.TargetMuscles),
        Equipment = string.Join("\n", draft.Equipment.Select(e => e.Substitutes.Count == 0 ? e.Name : $"{e.Name}: {string.Join("; ", e.Substitutes)}")),
        Steps = string.Join("\n", draft.Steps),
        Cues = string.Join("\n", draft.Cues),
        Cautions = string.Join("\n", draft.Cautions),
        Sets = draft.Dosage.Sets,
        Reps = draft.Dosage.Reps,
        HoldSeconds = draft.Dosage.HoldSeconds,
        RestSeconds = draft.Dosage.RestSeconds,
        PerSide = draft.Dosage.PerSide,
        TimesPerDay = draft.Frequency.TimesPerDay,
        DaysPerWeek = draft.Frequency.DaysPerWeek,
        EstimatedMinutes = draft.EstimatedMinutes,
        Version = draft.Version,
        // Levels have no editor yet; keep them as they are rather than drop them on save.
        Levels = draft.Levels,
    };

    public ExerciseDraft ToDraft() => new()
    {
        Name = Name,
        Aliases = Split(Aliases, ','),
        Kind = Kind,
        Position = Position,
        BodyRegion = BodyRegion,
        TargetMuscles = Split(TargetMuscles, ','),
        Equipment = Split(Equipment, '\n').Select(ParseEquipment).ToList(),
        Steps = Split(Steps, '\n'),
        Cues = Split(Cues, '\n'),
        Cautions = Split(Cautions, '\n'),
        Dosage = new Dosage { Sets = Sets, Reps = Reps, HoldSeconds = HoldSeconds, RestSeconds = RestSeconds, PerSide = PerSide },
        Frequency = new Frequency { TimesPerDay = TimesPerDay, DaysPerWeek = DaysPerWeek },
        EstimatedMinutes = EstimatedMinutes,
        Levels = Levels,
        Version = Version,
    };

    private static List<string> Split(string? text, char separator) =>
        (text ?? "").Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static Equipment ParseEquipment(string line)
    {
        var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
        return new Equipment { Name = parts[0], Substitutes = parts.Length > 1 ? Split(parts[1], ';') : [] };
    }
}
