namespace Prescriber.Web.Features.Review;

/// <summary>Mean pain of the last 7 days against the 7 before: a change of a point or more is a trend.</summary>
public enum PainTrend
{
    Unknown,
    Falling,
    Steady,
    Rising,
}
