namespace Prescriber.Web.Features.Notifications;

/// <summary>How the SMTP connection is secured; mirrors MailKit's SecureSocketOptions.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same machine or a test server.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade; fail if the server cannot (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>MailKit's choice: TLS on 465, STARTTLS when offered elsewhere.</summary>
    Auto,
}
