namespace Prescriber.Core.Adherence;

/// <summary>
/// The windows adherence is shown over (docs/adherence.md, "The windows"): N days is today and the
/// N - 1 days before it, in the patient's calendar. The clinician's pages, the exports, the digest
/// and the patient's own history all take them from here, so their figures agree.
/// </summary>
public static class AdherenceWindow
{
    /// <summary>"Last 7 days".</summary>
    public const int RecentDays = 7;

    /// <summary>"Last 28 days".</summary>
    public const int MonthDays = 28;

    /// <summary>First day of the window of <paramref name="days"/> days that ends on <paramref name="today"/>, today included.</summary>
    public static DateOnly Since(DateOnly today, int days) => today.AddDays(1 - days);
}
