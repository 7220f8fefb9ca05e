using Prescriber.Core.Library;

namespace Prescriber.Web.Features.Library;

/// <summary>What the clinician narrows the library by; every part is optional.</summary>
public sealed record ExerciseFilter
{
    public string? Text { get; init; }

    public ExercisePosition? Position { get; init; }

    public ExerciseKind? Kind { get; init; }

    /// <summary>An equipment name, or <see cref="NoEquipment"/> for exercises that need none.</summary>
    public string? Equipment { get; init; }

    public bool IncludeRetired { get; init; }

    public const string NoEquipment = "(none)";
}
