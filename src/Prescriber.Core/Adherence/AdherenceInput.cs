using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Core.Adherence;

/// <summary>Everything adherence depends on, for one program over a window of the patient's local dates.</summary>
public sealed record AdherenceInput
{
    /// <summary>Every version of the program, with its prescribed exercises (logs are judged against the version they name).</summary>
    public required IReadOnlyList<ProgramVersion> Versions { get; init; }

    public IReadOnlyList<ProgramPause> Pauses { get; init; } = [];

    /// <summary>The patient's IANA time zone: days start and end at their local midnight.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The program's session logs, with their entries; logs outside the window are ignored.</summary>
    public IReadOnlyList<SessionLog> Sessions { get; init; } = [];

    /// <summary>First local date of the window.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last local date of the window, included.</summary>
    public required DateOnly To { get; init; }

    public required DateTimeOffset Now { get; init; }
}
