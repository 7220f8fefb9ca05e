namespace Prescriber.Web.Features.Notifications;

/// <summary>What the opt-out page shows.</summary>
public enum OptOutState
{
    Invalid,
    Ask,
    Done,
}
