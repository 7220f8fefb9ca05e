namespace Prescriber.Core.Library;

/// <summary>
/// How much of an exercise makes one session: sets of repetitions, each optionally held.
/// "Hold 30 s, 3 times" is one set of three repetitions with a 30 second hold.
/// </summary>
public sealed record Dosage
{
    public int Sets { get; init; } = 1;

    public int Reps { get; init; } = 1;

    public int HoldSeconds { get; init; }

    /// <summary>Done on each side in turn (left and right), so the volume doubles.</summary>
    public bool PerSide { get; init; }

    public int RestSeconds { get; init; }

    /// <summary>Rough active time in seconds: used to estimate a session's length.</summary>
    public int ActiveSeconds(int secondsPerRep = 3) =>
        Sets * Reps * Math.Max(HoldSeconds, secondsPerRep) * (PerSide ? 2 : 1) + Math.Max(0, Sets - 1) * RestSeconds;

    public override string ToString()
    {
        var text = Sets > 1 ? $"{Sets} x {Reps}" : $"{Reps}";
        text += Reps == 1 ? " time" : " times";
        if (HoldSeconds > 0)
        {
            text += $", hold {HoldSeconds} s";
        }

        if (PerSide)
        {
            text += ", each side";
        }

        return text;
    }
}
