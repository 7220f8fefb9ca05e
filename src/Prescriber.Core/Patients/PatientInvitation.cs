using Prescriber.Core.Clinics;

namespace Prescriber.Core.Patients;

/// <summary>
/// An invitation for a patient to create their sign-in. The link carries a random token; only
/// its hash is stored. A newer invitation replaces older unused ones.
/// </summary>
public sealed class PatientInvitation : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public string InvitedBy { get; set; } = "";
}
