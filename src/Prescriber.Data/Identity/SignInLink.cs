namespace Prescriber.Data.Identity;

/// <summary>A one-time sign-in link sent by email on request; only the token's hash is stored.</summary>
public sealed class SignInLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
