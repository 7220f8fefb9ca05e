namespace Prescriber.Core.Notifications;

/// <summary>
/// An email, written as a row in the same transaction as whatever causes it; a dispatcher sends
/// it later. The row is the only copy of the message, so nothing is lost if a job or the SMTP
/// server is down. Not clinic-filtered: account emails have no clinic, and the dispatcher works
/// across clinics.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The clinic the email is about; null for account emails.</summary>
    public Guid? ClinicId { get; set; }

    /// <summary>What the email is, e.g. "account.password-reset"; for the admin page and metrics.</summary>
    public required string Kind { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    public List<OutboxAttachment> Attachments { get; set; } = [];

    public List<OutboxHeader> Headers { get; set; } = [];

    /// <summary>
    /// Unique: the event that causes an email names it (e.g. "reminder:{program}:{date}:{slot}"),
    /// so writing it twice stores one row and sends one email.
    /// </summary>
    public required string DedupKey { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>When the row is next due; set to the creation time for a new message.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The claim of one dispatcher; after it passes, another may take the row over.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    /// <summary>The server's (or the connection's) last refusal, cut to <see cref="MaxErrorLength"/>.</summary>
    public string? LastError { get; set; }

    public const int MaxErrorLength = 2000;

    /// <summary>A reason cut to what <see cref="LastError"/> holds.</summary>
    public static string ErrorText(string reason) => reason.Length <= MaxErrorLength ? reason : reason[..MaxErrorLength];

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>
    /// The SMTP Message-ID, derived from <see cref="Id"/> when queued (<see cref="MessageIdFor"/>):
    /// a resend after a crash between "accepted" and "marked sent" carries the same Message-ID,
    /// so receivers can tell it is the same email. Stored, so a bounce can be traced to its row.
    /// </summary>
    public string MessageId { get; set; } = "";

    public static string MessageIdFor(Guid id) => $"{id:N}@prescriber.outbox";
}
