using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Review;

/// <summary>A patient's note on a session, as the review page's notes timeline lists it.</summary>
public sealed record SessionNote(DateOnly Date, SessionStatus Status, string Note);
