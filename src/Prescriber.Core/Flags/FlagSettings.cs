namespace Prescriber.Core.Flags;

/// <summary>
/// When a flag is raised. The defaults are the proposed ones of clinical-reference.md section 3;
/// each clinic can change them.
/// </summary>
public sealed record FlagSettings
{
    public const int MaxDays = 90;

    /// <summary>Pain at or above this (0-10) is critical: same-day review.</summary>
    public int CriticalPain { get; set; } = 7;

    /// <summary>A rise of at least this many points over the 7-day median ...</summary>
    public int RisePoints { get; set; } = 2;

    /// <summary>... and at least this many percent of it raises a high flag.</summary>
    public int RisePercent { get; set; } = 30;

    public int SilenceLowDays { get; set; } = 2;

    public int SilenceStalledDays { get; set; } = 14;

    public int SilenceDroppedDays { get; set; } = 21;

    /// <summary>Too easy: every session of the last 7 days at or below this difficulty ...</summary>
    public int EasyMaxDifficulty { get; set; } = 2;

    /// <summary>... and at or below this pain, with at least <see cref="EasyMinSessions"/> sessions.</summary>
    public int EasyMaxPain { get; set; } = 2;

    public int EasyMinSessions { get; set; } = 5;

    /// <summary>Too hard: this difficulty or more, or pain after of <see cref="HardPain"/> or more, ...</summary>
    public int HardMinDifficulty { get; set; } = 8;

    public int HardPain { get; set; } = 6;

    /// <summary>... in each of this many latest sessions.</summary>
    public int HardSessions { get; set; } = 3;

    /// <summary>What is wrong with the settings, field by field; empty when they can be saved.</summary>
    public IReadOnlyList<Library.ValidationError> Validate()
    {
        var errors = new List<Library.ValidationError>();
        Scale(errors, "criticalPain", CriticalPain, 1, 10);
        Scale(errors, "risePoints", RisePoints, 1, 10);
        Scale(errors, "risePercent", RisePercent, 0, 1000);
        Scale(errors, "silenceLowDays", SilenceLowDays, 1, MaxDays);
        Scale(errors, "silenceStalledDays", SilenceStalledDays, SilenceLowDays + 1, MaxDays);
        Scale(errors, "silenceDroppedDays", SilenceDroppedDays, SilenceStalledDays + 1, MaxDays);
        Scale(errors, "easyMaxDifficulty", EasyMaxDifficulty, 0, 10);
        Scale(errors, "easyMaxPain", EasyMaxPain, 0, 10);
        Scale(errors, "easyMinSessions", EasyMinSessions, 1, 50);
        Scale(errors, "hardMinDifficulty", HardMinDifficulty, 0, 10);
        Scale(errors, "hardPain", HardPain, 0, 10);
        Scale(errors, "hardSessions", HardSessions, 1, 20);
        return errors;
    }

    private static void Scale(List<Library.ValidationError> errors, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(new(field, $"must be between {min} and {max}"));
        }
    }
}
