namespace Prescriber.Web.Features.Review;

/// <summary>The body of an acknowledge or resolve call.</summary>
public sealed record FlagChange(string? Comment);
