using Prescriber.Core.Flags;
using Prescriber.Core.Safety;

namespace Prescriber.Web.Features.Review;

/// <summary>A flag in the worklist, with the patient's note on the session that raised it (if any) to triage by.</summary>
public sealed record FlagRow(
    Guid Id, Guid PatientId, string PatientName, FlagKind Kind, ScreeningTier Severity, string Summary,
    DateTime CreatedAt, FlagStatus Status, string? Comment, string? SessionNote);
