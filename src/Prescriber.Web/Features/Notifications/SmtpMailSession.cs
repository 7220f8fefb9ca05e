using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Prescriber.Web.Features.Notifications;

/// <summary>One SMTP connection, authenticated once, reused for a whole batch.</summary>
public sealed class SmtpMailSession : IMailSession
{
    private readonly SmtpClient _client = new();

    private SmtpMailSession()
    {
    }

    public bool IsUsable => _client.IsConnected;

    public static async Task<SmtpMailSession> OpenAsync(SmtpOptions options, CancellationToken cancellationToken)
    {
        var session = new SmtpMailSession();
        try
        {
            session._client.Timeout = options.TimeoutSeconds * 1000;
            await session._client.ConnectAsync(options.Host ?? "", options.Port, Map(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await session._client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        await _client.SendAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException)
            {
                // Everything already sent was accepted; a failed QUIT changes nothing.
            }
        }

        _client.Dispose();
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
