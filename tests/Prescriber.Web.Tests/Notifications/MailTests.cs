using Microsoft.Extensions.DependencyInjection;
using Prescriber.Core.Notifications;
using Prescriber.Data;
using Prescriber.Data.Notifications;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>
/// Base of the tests that read what the real SMTP server of tests/run.sh received: they skip
/// without it (and fail under the script), and share how a message is queued and dispatched.
/// </summary>
public abstract class MailTests<TApp> : ProviderTests<TApp> where TApp : PrescriberApp
{
    protected MailTests(TApp app) : base(app)
    {
        TestServices.Need(TestServices.SmtpAvailable, "SMTP server (PRESCRIBER_TEST_SMTP_HOST/PORT/MAILDIR)");
    }

    /// <summary>Unique per test: recipients start with it, so the shared maildir can be filtered.</summary>
    protected static string Token() => $"t{Guid.NewGuid():N}"[..17];

    protected static OutboxMessage Message(string to, string? key = null) => new()
    {
        Kind = "test.message",
        ToAddress = to,
        Subject = $"Your routine ({to})",
        HtmlBody = "<p><strong>Your routine</strong> for today</p>",
        TextBody = "Your routine for today",
        DedupKey = key ?? $"test:{Guid.NewGuid():N}",
    };

    protected async Task<OutboxMessage> QueueAsync(string to, Action<OutboxMessage>? change = null)
    {
        var message = Message(to);
        change?.Invoke(message);
        await App.InScopeAsync(sp => OutboxWriter.EnqueueAndSaveAsync(sp.GetRequiredService<AppDbContext>(), message, DateTime.UtcNow));
        return message;
    }

    /// <summary>The job as Hangfire would run it, with the app's own settings.</summary>
    protected Task<int> DispatchAsync() =>
        App.InScopeAsync(sp => sp.GetRequiredService<OutboxDispatchJob>().RunAsync(TestContext.Current.CancellationToken));
}
