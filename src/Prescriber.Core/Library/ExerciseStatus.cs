namespace Prescriber.Core.Library;

/// <summary>Retired exercises stay readable (old programs point at them) but cannot be added anew.</summary>
public enum ExerciseStatus
{
    Active,
    Retired,
}
