using Prescriber.Core.Sessions;

namespace Prescriber.Core.Adherence;

/// <summary>Adherence over a window: each day, per exercise, and the totals (docs/adherence.md).</summary>
public sealed record AdherenceReport
{
    public required IReadOnlyList<AdherenceDay> Days { get; init; }

    public required IReadOnlyList<ExerciseAdherence> Exercises { get; init; }

    public int Prescribed { get; init; }

    public int Completed { get; init; }

    public int Partial { get; init; }

    public int Skipped { get; init; }

    public int Missed { get; init; }

    public int Extra { get; init; }

    public double SessionCredit { get; init; }

    public double DoseCredit { get; init; }

    public IReadOnlyDictionary<SkipReason, int> SkipReasons { get; init; } = new Dictionary<SkipReason, int>();

    /// <summary>Session credit / prescribed sessions, in percent; null when nothing was prescribed.</summary>
    public double? SessionAdherence => Prescribed > 0 ? 100 * SessionCredit / Prescribed : null;

    /// <summary>Dose credit / prescribed sessions, in percent; null when nothing was prescribed.</summary>
    public double? DoseCompletion => Prescribed > 0 ? 100 * DoseCredit / Prescribed : null;

    public AdherenceBand? Band => SessionAdherence is { } percent ? AdherenceCalculator.BandOf(percent) : null;
}
