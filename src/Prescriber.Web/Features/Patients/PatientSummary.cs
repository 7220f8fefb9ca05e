namespace Prescriber.Web.Features.Patients;

/// <summary>A row of the patient list.</summary>
public sealed record PatientSummary(Guid Id, string Name, string Email, string TimeZone, bool HasAccount, int ActivePrograms, DateTime CreatedAt);
