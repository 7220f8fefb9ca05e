using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Sessions;

/// <summary>The tier the answers reached, the words the patient reads for it, and the session's day and status.</summary>
public sealed record ScreeningResult(ScreeningTier Tier, string Message, DateOnly LocalDate, SessionStatus Status);
