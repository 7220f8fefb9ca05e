namespace Prescriber.Core.Patients;

/// <summary>What a clinician types to create or edit a patient.</summary>
public sealed class PatientDraft
{
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string TimeZone { get; set; } = "";

    public string? Phone { get; set; }

    public DateOnly? DateOfBirth { get; set; }
}
