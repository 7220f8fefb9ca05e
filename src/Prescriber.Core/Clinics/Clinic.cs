namespace Prescriber.Core.Clinics;

/// <summary>A practice that owns clinicians, patients and everything clinical about them.</summary>
public sealed class Clinic
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>IANA time zone the clinic works in; patients may have their own.</summary>
    public string TimeZone { get; set; } = "UTC";

    public DateTime CreatedAt { get; set; }

    /// <summary>The clinic's flag thresholds; the defaults are clinical-reference.md section 3.</summary>
    public Flags.FlagSettings FlagSettings { get; set; } = new();

    /// <summary>When set, the clinic's clinicians must sign in with an authenticator app (TOTP).</summary>
    public bool RequireTwoFactor { get; set; }
}
