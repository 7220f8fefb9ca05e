namespace Prescriber.Core.Notifications;

/// <summary>An extra header of a message (List-Unsubscribe, for reminders).</summary>
public sealed record OutboxHeader
{
    public required string Name { get; init; }

    public required string Value { get; init; }
}
