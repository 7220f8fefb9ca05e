using Prescriber.Core.Patients;

namespace Prescriber.Web.Features.Sessions;

/// <summary>A patient let in by a link (with its program and expiry) or by their sign-in.</summary>
public sealed record PatientGrant(Patient Patient, Guid? ProgramId, DateTimeOffset? LinkExpiresAt);
