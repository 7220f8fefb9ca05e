using MimeKit;
using Prescriber.Core.Notifications;

namespace Prescriber.Web.Features.Notifications;

/// <summary>Turns an outbox row into the MIME message that is sent (or written to the pickup folder).</summary>
public static class OutboxMimeMessage
{
    /// <summary>
    /// Throws <see cref="InvalidRecipientException"/> for an address no server could deliver to:
    /// retrying would never help, so the row fails at once.
    /// </summary>
    public static MimeMessage Build(OutboxMessage row, SmtpOptions smtp)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
            Subject = row.Subject,
        };
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        message.To.Add(Recipient(row));
        foreach (var header in row.Headers)
        {
            message.Headers.Add(header.Name, header.Value);
        }

        var body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody };
        foreach (var attachment in row.Attachments)
        {
            body.Attachments.Add(attachment.FileName, Convert.FromBase64String(attachment.ContentBase64), ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static MailboxAddress Recipient(OutboxMessage row)
    {
        // Strict parsing: a bare name, a missing domain or two addresses in one field are refused
        // here rather than handed to the server.
        var ok = MailboxAddress.TryParse(ParserOptions.Default, row.ToAddress, out var parsed);
        var address = parsed?.Address ?? "";
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (!ok || at <= 0 || at == address.Length - 1 || !string.Equals(address, row.ToAddress.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidRecipientException($"Invalid recipient address '{row.ToAddress}'.");
        }

        return new MailboxAddress(row.ToName, address);
    }
}
