namespace Prescriber.Core.Library;

/// <summary>The starting position, in the order a routine moves through them (sit, lie, kneel, stand).</summary>
public enum ExercisePosition
{
    Sitting,
    LongSitting,
    LyingOnBack,
    LyingFaceDown,
    AllFours,
    Standing,
}
