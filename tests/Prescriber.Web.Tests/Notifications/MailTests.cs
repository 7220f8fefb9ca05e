using Microsoft.EntityFrameworkCore;
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

    /// <summary>This test's outbox rows: those whose recipient starts with <paramref name="token"/>, any clinic.</summary>
    protected Task<List<OutboxMessage>> OutboxRowsAsync(string token) =>
        App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.ToAddress.StartsWith(token)).ToListAsync());

    /// <summary>Every row sent on the given attempt, its lease released, no error left.</summary>
    protected static void AssertAllSent(IEnumerable<OutboxMessage> rows, int attempts) => Assert.All(rows, r =>
    {
        Assert.Equal(OutboxStatus.Sent, r.Status);
        Assert.Equal(attempts, r.Attempts);
        Assert.Null(r.LockedBy);
        Assert.Null(r.LastError);
    });

    /// <summary>Every row back to pending after an unreachable server, unleased, not due for the first backoff.</summary>
    protected static void AssertAllWaitingForRetry(IEnumerable<OutboxMessage> rows, DateTimeOffset now) => Assert.All(rows, r =>
    {
        Assert.Equal(OutboxStatus.Pending, r.Status);
        Assert.Null(r.LockedBy);
        Assert.Contains("Could not connect", r.LastError, StringComparison.Ordinal);
        Assert.True(r.NextAttemptAt >= now.UtcDateTime.AddSeconds(29), $"next attempt {r.NextAttemptAt:O}");
    });

    /// <summary>The job as Hangfire would run it, with the app's own settings.</summary>
    protected Task<int> DispatchAsync() =>
        App.InScopeAsync(sp => sp.GetRequiredService<OutboxDispatchJob>().RunAsync(TestContext.Current.CancellationToken));
}
