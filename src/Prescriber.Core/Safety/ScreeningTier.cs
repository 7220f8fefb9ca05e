namespace Prescriber.Core.Safety;

/// <summary>How urgently a clinician must look, and what the patient is told (clinical-reference.md section 4).</summary>
public enum ScreeningTier
{
    None,
    /// <summary>Pause the exercise that hurts; the clinician reviews the plan.</summary>
    Review,
    /// <summary>Stop the exercises and contact the clinician today.</summary>
    Urgent,
    /// <summary>Stop now and call emergency services.</summary>
    Emergency,
}
