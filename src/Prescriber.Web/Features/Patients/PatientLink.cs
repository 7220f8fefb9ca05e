namespace Prescriber.Web.Features.Patients;

/// <summary>What a valid signed link grants: one purpose, for one patient (and program), until it expires.</summary>
public sealed record PatientLink(PatientLinkPurpose Purpose, Guid PatientId, Guid? ProgramId, DateTimeOffset ExpiresAt);
