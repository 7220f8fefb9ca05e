namespace Prescriber.Core.Adherence;

/// <summary>Bands of session adherence (clinical-reference.md section 2, proposed).</summary>
public enum AdherenceBand
{
    /// <summary>80% or more.</summary>
    Adherent,
    /// <summary>50% to under 80%.</summary>
    Partial,
    /// <summary>Under 50%.</summary>
    NonAdherent,
}
