using Microsoft.Extensions.Options;

namespace Prescriber.Web.Features.Notifications;

/// <summary>Opens the way out the configuration asks for: SMTP when a host is set, else the pickup folder.</summary>
public sealed class MailSessionFactory(IOptions<SmtpOptions> options, IWebHostEnvironment environment)
{
    public SmtpOptions Options => options.Value;

    public string PickupFolder => options.Value.ResolvePickupFolder(environment.ContentRootPath);

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken) =>
        options.Value.UsesPickupFolder
            ? new PickupMailSession(PickupFolder)
            : await SmtpMailSession.OpenAsync(options.Value, cancellationToken);
}
