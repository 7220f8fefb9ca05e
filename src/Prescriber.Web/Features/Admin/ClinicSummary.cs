namespace Prescriber.Web.Features.Admin;

public sealed record ClinicSummary(Guid Id, string Name, string TimeZone, int Clinicians, int Patients, bool RequireTwoFactor, int CliniciansWithTwoFactor);
