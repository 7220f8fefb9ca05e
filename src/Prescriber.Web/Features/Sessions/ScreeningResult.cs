using Prescriber.Core.Safety;

namespace Prescriber.Web.Features.Sessions;

/// <summary>The tier the answers reached and the words the patient reads for it.</summary>
public sealed record ScreeningResult(ScreeningTier Tier, string Message);
