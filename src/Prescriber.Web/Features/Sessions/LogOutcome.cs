namespace Prescriber.Web.Features.Sessions;

public enum LogOutcome
{
    Saved,
    /// <summary>The same idempotency key came again (a double tap, a retry): the first session stands.</summary>
    AlreadySaved,
    Invalid,
    /// <summary>The program is not this patient's (or not visible at all).</summary>
    Forbidden,
}
