using Prescriber.Core.Clinics;

namespace Prescriber.Core.Programs;

/// <summary>Days a program was paused by the clinician; they leave the adherence denominator.</summary>
public sealed class ProgramPause : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid ProgramId { get; set; }

    public DateOnly From { get; set; }

    /// <summary>The last paused day; null while the pause lasts.</summary>
    public DateOnly? To { get; set; }

    public string? Reason { get; set; }
}
