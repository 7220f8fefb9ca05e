using Prescriber.Core.Safety;

namespace Prescriber.Web.Features.Review;

/// <summary>One line of "My patients". Adherence is in percent (docs/adherence.md), null when nothing was prescribed.</summary>
public sealed record MyPatientRow(
    Guid PatientId, string Name, double? Adherence7, double? Adherence28, DateOnly? LastSession,
    PainTrend PainTrend, int OpenFlags, ScreeningTier? TopSeverity);
