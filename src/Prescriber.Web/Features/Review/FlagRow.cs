using Prescriber.Core.Flags;
using Prescriber.Core.Safety;

namespace Prescriber.Web.Features.Review;

public sealed record FlagRow(
    Guid Id, Guid PatientId, string PatientName, FlagKind Kind, ScreeningTier Severity, string Summary,
    DateTime CreatedAt, FlagStatus Status, string? Comment);
