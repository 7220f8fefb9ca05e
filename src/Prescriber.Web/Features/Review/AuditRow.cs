namespace Prescriber.Web.Features.Review;

public sealed record AuditRow(DateTime At, string? User, string Action, Guid? PatientId, string? Patient, Guid ClinicId, string? Detail);
