using Prescriber.Core.Sessions;

namespace Prescriber.Core.Adherence;

/// <summary>How one local date counts. Session counts only include the logs that count (at most the prescribed number).</summary>
public sealed record AdherenceDay
{
    public required DateOnly Date { get; init; }

    public required DayState State { get; init; }

    /// <summary>Number of the version in force that day, or null before the first one starts.</summary>
    public int? VersionNumber { get; init; }

    /// <summary>Sessions the schedule asks for that day (0 when paused or not scheduled).</summary>
    public int Scheduled { get; init; }

    /// <summary>Sessions in the denominator: the scheduled ones once the day has ended; today, only those already logged.</summary>
    public int Prescribed { get; init; }

    public int Completed { get; init; }

    public int Partial { get; init; }

    public int Skipped { get; init; }

    public int Missed { get; init; }

    /// <summary>Logs beyond the prescribed number: recorded, never credited (capped at 100% a day).</summary>
    public int Extra { get; init; }

    /// <summary>Completed sessions count 1, partial ones their mean dose fraction, skipped ones 0.</summary>
    public double SessionCredit { get; init; }

    /// <summary>Sum of the counted sessions' mean dose fractions.</summary>
    public double DoseCredit { get; init; }

    public IReadOnlyDictionary<SkipReason, int> SkipReasons { get; init; } = NoReasons;

    /// <summary>One shared empty set of reasons: most days have none, and a month of a clinic's days is thousands of them.</summary>
    public static IReadOnlyDictionary<SkipReason, int> NoReasons { get; } = System.Collections.ObjectModel.ReadOnlyDictionary<SkipReason, int>.Empty;
}
