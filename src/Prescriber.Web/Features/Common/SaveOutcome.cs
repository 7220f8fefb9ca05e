namespace Prescriber.Web.Features.Common;

public enum SaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    /// <summary>A shared row (library exercise, shipped template) that clinics read but do not change.</summary>
    ReadOnly,
    /// <summary>Someone saved a newer version since this edit began.</summary>
    Conflict,
}
