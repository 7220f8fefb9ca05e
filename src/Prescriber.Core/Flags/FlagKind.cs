namespace Prescriber.Core.Flags;

public enum FlagKind
{
    /// <summary>The patient answered yes to a red-flag question.</summary>
    RedFlagAnswer,
    /// <summary>The patient's note matched a worrying word family.</summary>
    RedFlagWords,
    /// <summary>Pain at 7/10 or more, or a rise of 2 points or more, at logging time.</summary>
    Pain,
    /// <summary>Pain at or above the clinic's critical level (default 7/10): same-day review.</summary>
    PainHigh,
    /// <summary>Pain risen by the clinic's points and percent over the patient's 7-day median.</summary>
    PainRise,
    /// <summary>No session logged for the clinic's low, stalled or dropped number of days.</summary>
    Silence,
    /// <summary>Easy and painless for a week: the clinician may progress the exercises.</summary>
    TooEasy,
    /// <summary>Hard or painful session after session: the clinician may regress the exercises.</summary>
    TooHard,
}
