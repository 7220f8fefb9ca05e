using MimeKit;

namespace Prescriber.Web.Features.Notifications;

/// <summary>One open way out for a batch of messages: an SMTP connection or the pickup folder.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>Returns once the message is accepted: by the SMTP server, or written to disk.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>False once the connection broke; the dispatcher then opens a new session.</summary>
    bool IsUsable { get; }
}
