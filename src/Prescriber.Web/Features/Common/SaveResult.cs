using Prescriber.Core.Library;

namespace Prescriber.Web.Features.Common;

/// <summary>How a change went: the saved value, or why not (field errors, not found, read-only, conflict).</summary>
public sealed record SaveResult<T>(SaveOutcome Outcome, T? Value = default, IReadOnlyList<ValidationError>? Errors = null)
{
    public IReadOnlyList<ValidationError> Errors { get; init; } = Errors ?? [];

    public static SaveResult<T> Saved(T value) => new(SaveOutcome.Saved, value);

    public static SaveResult<T> Invalid(IReadOnlyList<ValidationError> errors) => new(SaveOutcome.Invalid, Errors: errors);

    public static SaveResult<T> Invalid(string field, string message) => Invalid([new ValidationError(field, message)]);

    public static readonly SaveResult<T> NotFound = new(SaveOutcome.NotFound);

    public static readonly SaveResult<T> ReadOnly = new(SaveOutcome.ReadOnly);

    public static readonly SaveResult<T> Conflict = new(SaveOutcome.Conflict);
}
