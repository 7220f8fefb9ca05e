namespace Prescriber.Core.Notifications;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt (new, or after a transient failure).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher whose lease has not expired.</summary>
    Sending,

    Sent,

    /// <summary>Refused for good (a 5xx reply, a malformed address); an admin may retry it.</summary>
    Failed,
}
