namespace Prescriber.Core.Safety;

/// <summary>A worrying phrase found in a patient's note, with the tier it suggests.</summary>
public sealed record NoteMatch(string Family, ScreeningTier Tier, string Text);
