using Prescriber.Core.Clinics;

namespace Prescriber.Core.Audit;

/// <summary>
/// One entry of the audit trail: who read or changed what about which patient, and when. Written
/// on every read of a patient's review page or export and every write of the review feature.
/// </summary>
public sealed class AuditEvent : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public DateTime At { get; set; }

    /// <summary>The signed-in user's id; null for background jobs.</summary>
    public string? UserId { get; set; }

    /// <summary>What happened, as a stable verb ("review.read", "flag.resolve", "export.fhir").</summary>
    public required string Action { get; set; }

    public Guid? PatientId { get; set; }

    /// <summary>A line of detail: the flag and comment, the export format.</summary>
    public string? Detail { get; set; }
}
