using Prescriber.Core.Library;

namespace Prescriber.Web.Features.Library;

public enum ExerciseSaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    /// <summary>The entry is the shared library's, which clinicians read but do not edit.</summary>
    ReadOnly,
    /// <summary>Someone saved a newer version since this edit began.</summary>
    Conflict,
}

public sealed record ExerciseSaveResult(ExerciseSaveOutcome Outcome, Exercise? Exercise = null, IReadOnlyList<ValidationError>? Errors = null)
{
    public IReadOnlyList<ValidationError> Errors { get; init; } = Errors ?? [];
}
