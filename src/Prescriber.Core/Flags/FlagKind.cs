namespace Prescriber.Core.Flags;

public enum FlagKind
{
    /// <summary>The patient answered yes to a red-flag question.</summary>
    RedFlagAnswer,
    /// <summary>The patient's note matched a worrying word family.</summary>
    RedFlagWords,
    /// <summary>Pain at 7/10 or more, or a rise of 2 points or more, at logging time.</summary>
    Pain,
}
