using Prescriber.Core.Notifications;

namespace Prescriber.Web.Features.Notifications;

/// <summary>One line of the admin outbox page: everything but the bodies.</summary>
public sealed record OutboxRow(
    Guid Id,
    string Kind,
    string ToAddress,
    string Subject,
    OutboxStatus Status,
    int Attempts,
    string? LastError,
    DateTime CreatedAt,
    DateTime NextAttemptAt,
    DateTime? SentAt);
