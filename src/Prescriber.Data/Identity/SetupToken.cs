namespace Prescriber.Data.Identity;

/// <summary>
/// A one-time link that lets the first administrator of a new installation choose their own
/// password. Only the hash is stored; the link is printed to the log once.
/// </summary>
public sealed class SetupToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
