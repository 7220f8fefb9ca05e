using MimeKit;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>
/// What the real SMTP server of tests/run.sh received. Its maildir is shared by every test of the
/// run, so callers pick their own messages by a recipient unique to the test.
/// </summary>
public static class Mailbox
{
    public static IReadOnlyList<MimeMessage> To(string recipientPart)
    {
        var folder = Path.Combine(TestServices.Maildir!, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder)
            .Select(file => MimeMessage.Load(file))
            .Where(m => m.To.Mailboxes.Any(a => a.Address.Contains(recipientPart, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }
}
