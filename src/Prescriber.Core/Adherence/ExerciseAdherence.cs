using Prescriber.Core.Sessions;

namespace Prescriber.Core.Adherence;

/// <summary>One library exercise across the window's versions: how much of its prescribed dose was done.</summary>
public sealed record ExerciseAdherence
{
    public required Guid ExerciseId { get; init; }

    /// <summary>The name as the window's latest use of it wrote it.</summary>
    public required string Name { get; init; }

    /// <summary>Counted sessions in which it was prescribed.</summary>
    public int Prescribed { get; init; }

    /// <summary>Sum of its dose fractions in the counted sessions.</summary>
    public double DoseCredit { get; init; }

    /// <summary>Dose completion in percent, or null when it was never prescribed in the window.</summary>
    public double? DoseCompletion => Prescribed > 0 ? Math.Min(100, 100 * DoseCredit / Prescribed) : null;

    /// <summary>Why it was skipped, from every log of the window, counted or extra: what the patient said is never dropped.</summary>
    public IReadOnlyDictionary<SkipReason, int> SkipReasons { get; init; } = new Dictionary<SkipReason, int>();
}
