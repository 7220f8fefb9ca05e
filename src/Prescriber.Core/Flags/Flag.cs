using Prescriber.Core.Clinics;
using Prescriber.Core.Safety;

namespace Prescriber.Core.Flags;

/// <summary>
/// Something about a patient a clinician must see: a red-flag answer, worrying words, high or
/// rising pain. The review worklist shows open flags by severity.
/// </summary>
public sealed class Flag : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public Guid? SessionId { get; set; }

    public FlagKind Kind { get; set; }

    public ScreeningTier Severity { get; set; }

    /// <summary>What happened, in a line the clinician reads in the worklist.</summary>
    public required string Summary { get; set; }

    public DateTime CreatedAt { get; set; }

    public FlagStatus Status { get; set; } = FlagStatus.Open;

    /// <summary>The clinician's word when acknowledging or resolving ("called her, booked Tuesday").</summary>
    public string? Comment { get; set; }

    public DateTime? ChangedAt { get; set; }

    public string? ChangedBy { get; set; }
}
