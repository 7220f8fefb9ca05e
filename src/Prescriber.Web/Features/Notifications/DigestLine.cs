namespace Prescriber.Web.Features.Notifications;

/// <summary>One patient's program in a clinician's digest, with why it is there.</summary>
public sealed record DigestLine(Guid PatientId, string PatientName, string ProgramName, IReadOnlyList<string> Reasons, string Link);
