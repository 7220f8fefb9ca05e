namespace Prescriber.Core.Safety;

/// <summary>One yes/no question of the checklist; a yes raises the session to its tier.</summary>
public sealed record RedFlagQuestion(int Number, string Text, ScreeningTier TierIfYes);
