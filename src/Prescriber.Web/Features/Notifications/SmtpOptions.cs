namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// Where email goes. Without a host (the embedded default) messages are written as .eml files to
/// <see cref="PickupFolder"/>, so a new installation shows every email without a mail server.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "prescriber@localhost";

    public string FromName { get; set; } = "Prescriber";

    /// <summary>Folder for .eml files when no host is set; relative to the content root.</summary>
    public string PickupFolder { get; set; } = "data/mail-pickup";

    /// <summary>Per SMTP command; a server that stalls longer counts as a transient failure.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// SMTP connections a dispatch run may send over in parallel. The first opens for the first
    /// message; the others only when messages wait behind it, and a server that refuses them
    /// leaves the run to the first. Two by default: while one connection waits for the server's
    /// reply the other sends, so a wave of reminders goes out sooner (measured: a 10,000 wave in
    /// about 80% of one connection's time) for a second connection per wave, not per email.
    /// </summary>
    public int Connections { get; set; } = 2;

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(Host);

    public string ResolvePickupFolder(string contentRoot) => Path.GetFullPath(PickupFolder, contentRoot);
}
