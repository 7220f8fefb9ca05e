namespace Prescriber.Core.Reminders;

/// <summary>
/// The clinician digest's thresholds. Silence is whole days since the last logged day (or since
/// the day before the program started, when nothing was ever logged), counted up to yesterday,
/// listed at 2 or more. Adherence is not computed here: the digest takes the 7-day figure "My
/// patients" shows, from AdherenceCalculator (docs/adherence.md), and lists it under 50%.
/// </summary>
public static class DigestRules
{
    public const int SilentDays = 2;

    public const double LowAdherence = 0.5;

    /// <summary>Days without a session before today; 0 when yesterday was logged.</summary>
    public static int DaysSilent(DateOnly today, DateOnly startDate, DateOnly? lastLogged)
    {
        var lastActive = lastLogged ?? startDate.AddDays(-1);
        return Math.Max(0, today.DayNumber - 1 - lastActive.DayNumber);
    }
}
