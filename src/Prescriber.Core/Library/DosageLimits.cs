namespace Prescriber.Core.Library;

/// <summary>
/// The ranges a prescription may take. Wide enough for any real program, narrow enough to catch a
/// slipped digit (300 sets, a 6000 s hold) before a patient reads it.
/// </summary>
public static class DosageLimits
{
    public const int MinSets = 1, MaxSets = 20;
    public const int MinReps = 1, MaxReps = 100;
    public const int MinHoldSeconds = 0, MaxHoldSeconds = 600;
    public const int MinRestSeconds = 0, MaxRestSeconds = 600;
    public const int MinTimesPerDay = 1, MaxTimesPerDay = 6;
    public const int MinDaysPerWeek = 1, MaxDaysPerWeek = 7;
    public const int MinMinutes = 1, MaxMinutes = 120;

    public static IEnumerable<ValidationError> Check(Dosage dosage, string prefix = "dosage")
    {
        if (dosage.Sets is < MinSets or > MaxSets)
        {
            yield return new($"{prefix}.sets", $"must be between {MinSets} and {MaxSets} (was {dosage.Sets})");
        }

        if (dosage.Reps is < MinReps or > MaxReps)
        {
            yield return new($"{prefix}.reps", $"must be between {MinReps} and {MaxReps} (was {dosage.Reps})");
        }

        if (dosage.HoldSeconds is < MinHoldSeconds or > MaxHoldSeconds)
        {
            yield return new($"{prefix}.holdSeconds", $"must be between {MinHoldSeconds} and {MaxHoldSeconds} seconds (was {dosage.HoldSeconds})");
        }

        if (dosage.RestSeconds is < MinRestSeconds or > MaxRestSeconds)
        {
            yield return new($"{prefix}.restSeconds", $"must be between {MinRestSeconds} and {MaxRestSeconds} seconds (was {dosage.RestSeconds})");
        }
    }

    public static IEnumerable<ValidationError> Check(Frequency frequency, string prefix = "frequency")
    {
        if (frequency.TimesPerDay is < MinTimesPerDay or > MaxTimesPerDay)
        {
            yield return new($"{prefix}.timesPerDay", $"must be between {MinTimesPerDay} and {MaxTimesPerDay} (was {frequency.TimesPerDay})");
        }

        if (frequency.DaysPerWeek is < MinDaysPerWeek or > MaxDaysPerWeek)
        {
            yield return new($"{prefix}.daysPerWeek", $"must be between {MinDaysPerWeek} and {MaxDaysPerWeek} (was {frequency.DaysPerWeek})");
        }
    }
}
