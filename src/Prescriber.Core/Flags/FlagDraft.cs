using Prescriber.Core.Safety;

namespace Prescriber.Core.Flags;

/// <summary>A flag a rule wants raised; the caller stores it unless the same one is already open.</summary>
public sealed record FlagDraft(FlagKind Kind, ScreeningTier Severity, string Summary);
