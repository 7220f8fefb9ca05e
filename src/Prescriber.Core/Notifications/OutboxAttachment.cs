namespace Prescriber.Core.Notifications;

/// <summary>A file sent with a message (an .ics calendar, later). Stored inside the row as JSON.</summary>
public sealed record OutboxAttachment
{
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    /// <summary>Base64, so the JSON column stays text on both databases.</summary>
    public required string ContentBase64 { get; init; }

    public static OutboxAttachment FromBytes(string fileName, string contentType, byte[] content) =>
        new() { FileName = fileName, ContentType = contentType, ContentBase64 = Convert.ToBase64String(content) };
}
