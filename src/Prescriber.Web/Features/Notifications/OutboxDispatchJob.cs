using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Prescriber.Core.Notifications;
using Prescriber.Data;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// Sends due outbox rows. Rows are claimed with a lease (a conditional update), so dispatchers on
/// several servers, or two runs that overlap, never send the same row; a crashed dispatcher's
/// rows become due again when its lease runs out. Each batch uses one SMTP connection.
/// </summary>
public sealed class OutboxDispatchJob(
    IDbContextFactory<AppDbContext> contexts,
    MailSessionFactory sessions,
    TimeProvider time,
    ILogger<OutboxDispatchJob> log)
{
    public const int BatchSize = 200;

    /// <summary>Far longer than a batch takes; only a dead dispatcher's rows outlive it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxRetry = TimeSpan.FromHours(1);

    private const int MaxErrorLength = 2000;

    /// <summary>
    /// Each accepted message is marked sent at once. Marking in groups of 25 was tried and made no
    /// measurable difference at 10,000 messages (docs/performance.md), while a crash would resend
    /// the whole group; never sending twice matters more. What remains is inherent to SMTP: a crash
    /// between the server's "accepted" and this update resends that one message, with its
    /// original Message-ID so the receiving side can drop it.
    /// </summary>
    public const int MarkSentGroup = 1;

    /// <summary>Sends until no row is due; returns how many were accepted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var worker = $"{Environment.MachineName}/{Guid.NewGuid():N}";
        if (worker.Length > 100)
        {
            worker = worker[^100..];
        }

        var accepted = 0;
        while (true)
        {
            var (candidates, claimed) = await ClaimAsync(worker, cancellationToken);
            if (candidates == 0)
            {
                return accepted;
            }

            // Zero claimed means another dispatcher took these first: look again for the rest.
            if (claimed.Count > 0)
            {
                accepted += await SendAsync(claimed, worker, cancellationToken);
            }
        }
    }

    /// <summary>The next due rows, and those of them this worker won.</summary>
    private async Task<(int Candidates, List<OutboxMessage> Claimed)> ClaimAsync(string worker, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await Due(db.OutboxMessages, now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return (0, []);
        }

        // The condition is checked again by the update itself: of two dispatchers racing for a
        // row, the second finds it no longer due (PostgreSQL re-reads the row after the first
        // commits; SQLite runs one writer at a time).
        var until = now + Lease;
        await Due(db.OutboxMessages.Where(m => ids.Contains(m.Id)), now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LockedBy, worker)
                .SetProperty(m => m.LockedUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);

        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.LockedBy == worker && m.Status == OutboxStatus.Sending)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(cancellationToken);
        return (ids.Count, claimed);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> rows, DateTime now) =>
        rows.Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            || (m.Status == OutboxStatus.Sending && m.LockedUntil < now));

    private async Task<int> SendAsync(List<OutboxMessage> batch, string worker, CancellationToken cancellationToken)
    {
        var accepted = 0;
        var sent = new List<Guid>(MarkSentGroup);
        IMailSession? session = null;
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                MimeMessage message;
                try
                {
                    message = OutboxMimeMessage.Build(row, sessions.Options);
                }
                catch (Exception ex) when (ex is InvalidRecipientException or ParseException or FormatException)
                {
                    await FailAsync(row, worker, ex.Message, cancellationToken);
                    continue;
                }

                if (session is not { IsUsable: true })
                {
                    if (session is not null)
                    {
                        await session.DisposeAsync();
                        session = null;
                    }

                    try
                    {
                        session = await sessions.OpenAsync(cancellationToken);
                    }
                    catch (Exception ex) when (IsTransient(ex, cancellationToken))
                    {
                        // No connection, so nothing of the rest was tried: all of it waits.
                        log.LogWarning(ex, "Could not reach the mail server; {Count} messages wait for a retry", batch.Count - i);
                        foreach (var waiting in batch.Skip(i))
                        {
                            await RetryLaterAsync(waiting, worker, $"Could not connect: {ex.Message}", cancellationToken);
                        }

                        return accepted;
                    }
                }

                try
                {
                    await session.SendAsync(message, cancellationToken);
                }
                catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
                {
                    await FailAsync(row, worker, $"{(int)ex.StatusCode} {ex.Message}", cancellationToken);
                    continue;
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken))
                {
                    var reason = ex is SmtpCommandException command ? $"{(int)command.StatusCode} {ex.Message}" : ex.Message;
                    await RetryLaterAsync(row, worker, reason, cancellationToken);
                    continue;
                }

                // Marked right away (MarkSentGroup is 1): see its comment for why.
                sent.Add(row.Id);
                accepted++;
                if (sent.Count == MarkSentGroup)
                {
                    await MarkSentAsync(sent, worker, cancellationToken);
                }
            }

            return accepted;
        }
        finally
        {
            // Whatever the server accepted is recorded, even when the batch ends early. Not the
            // caller's token: a cancelled run must still write down what it sent.
            await MarkSentAsync(sent, worker, CancellationToken.None);
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is SmtpCommandException or SmtpProtocolException or IOException or SocketException or TimeoutException
            or AuthenticationException or SslHandshakeException or ServiceNotConnectedException or ServiceNotAuthenticatedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task MarkSentAsync(List<Guid> ids, string worker, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.LockedBy == worker)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
        ids.Clear();
    }

    private async Task RetryLaterAsync(OutboxMessage row, string worker, string reason, CancellationToken cancellationToken)
    {
        var next = Now() + Backoff(row.Attempts);
        var error = Trim(reason);
        await UpdateClaimedAsync(row, worker, s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
    }

    private async Task FailAsync(OutboxMessage row, string worker, string reason, CancellationToken cancellationToken)
    {
        log.LogWarning("Outbox message {Id} ({Kind}) failed for good: {Reason}", row.Id, row.Kind, reason);
        var error = Trim(reason);
        await UpdateClaimedAsync(row, worker, s => s
            .SetProperty(m => m.Status, OutboxStatus.Failed)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
    }

    /// <summary>Writes only while this worker still holds the row.</summary>
    private async Task UpdateClaimedAsync(
        OutboxMessage row,
        string worker,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> setters,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.OutboxMessages
            .Where(m => m.Id == row.Id && m.LockedBy == worker)
            .ExecuteUpdateAsync(setters, cancellationToken);
    }

    /// <summary>30 s, doubling with every attempt, capped at an hour.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var delay = FirstRetry * Math.Pow(2, doublings);
        return delay < MaxRetry ? delay : MaxRetry;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string Trim(string reason) => reason.Length <= MaxErrorLength ? reason : reason[..MaxErrorLength];
}
