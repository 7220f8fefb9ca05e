namespace Prescriber.Core.Sessions;

/// <summary>A session's state, from its entries (see docs/adherence.md once the review lands).</summary>
public enum SessionStatus
{
    /// <summary>Every exercise at 80% of its dose or more.</summary>
    Completed,
    Partial,
    /// <summary>Nothing done: every exercise skipped.</summary>
    Skipped,
}
