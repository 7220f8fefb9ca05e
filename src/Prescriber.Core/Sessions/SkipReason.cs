namespace Prescriber.Core.Sessions;

/// <summary>Why an exercise was skipped: the reasons a clinician can act on.</summary>
public enum SkipReason
{
    Pain,
    Forgot,
    NoTime,
    FeltBetter,
    Unwell,
    UnsureHow,
    NoEquipment,
}
