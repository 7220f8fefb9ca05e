namespace Prescriber.Web.Features.Review;

/// <summary>One session's pain scores (0-10) on the review page's chart.</summary>
public sealed record PainScore(DateOnly Date, int? Before, int? After);
