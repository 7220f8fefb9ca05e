using System.Net.Sockets;
using System.Threading.Channels;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Prescriber.Core.Notifications;
using Prescriber.Data;
using Prescriber.Data.Notifications;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// Sends due outbox rows. Rows are claimed with a lease (a conditional update), so dispatchers on
/// several servers, or two runs that overlap, never send the same row; a crashed dispatcher's
/// rows become due again when its lease runs out. A run sends over <c>Smtp:Connections</c> SMTP
/// connections (two by default; the second only while messages wait), each reused for all the rows it sends. A writer that creates
/// many rows at once (the reminder scan) can write them already leased to a run and hand them
/// over itself (<see cref="SendAsync"/>), sparing the claim's update and read of every row.
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

    /// <summary>
    /// At most this many accepted messages are waiting for their "sent" update at any time (see
    /// <see cref="SentMarker"/>): a crash resends at most these. The update runs beside the sends
    /// instead of between them; it usually covers one to three messages.
    /// </summary>
    public const int MaxUnrecorded = 8;

    /// <summary>
    /// Sends until no row is due; returns how many were accepted. One claimer fills a queue of
    /// claimed rows with their MIME messages built (claiming the next batch while the current one
    /// is sent), <c>Smtp:Connections</c> senders each drain it over their own SMTP connection, and a
    /// <see cref="SentMarker"/> records what the server accepted.
    /// </summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        SendAsync(run => ClaimLoopAsync(run, cancellationToken), cancellationToken);

    /// <summary>
    /// One dispatch run fed by <paramref name="produce"/>: it hands rows leased to
    /// <see cref="DispatchRun.Worker"/> to <see cref="OfferAsync"/> and returns when it has no
    /// more; this returns how many the server accepted once they are all sent.
    /// </summary>
    public async Task<int> SendAsync(Func<DispatchRun, Task> produce, CancellationToken cancellationToken)
    {
        var worker = $"{Environment.MachineName}/{Guid.NewGuid():N}";
        if (worker.Length > 100)
        {
            worker = worker[^100..];
        }

        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // One batch ahead at most: claimed rows wait here while the batch before them goes out.
        var queue = Channel.CreateBounded<(OutboxMessage Row, MimeMessage Message)>(new BoundedChannelOptions(BatchSize) { SingleWriter = true });
        var run = new DispatchRun(worker, queue, abort.Token);
        var accepted = new int[Math.Max(1, sessions.Options.Connections)];
        // The marker's own context (and so connection), used by its loop alone, one update at a time.
        await using var markDb = await contexts.CreateDbContextAsync(cancellationToken);
        await using var sentWriter = await OutboxSentWriter.OpenAsync(markDb, worker, cancellationToken);
        var marker = new SentMarker(MaxUnrecorded, ids => MarkSentAsync(sentWriter, ids));
        try
        {
            var producer = ProduceAsync(run, produce, abort);
            var senders = accepted.Select((_, i) => SendLoopAsync(run, marker, i, accepted, abort, cancellationToken));
            await Task.WhenAll([producer, .. senders]);
            return accepted.Sum();
        }
        finally
        {
            // Records whatever the server accepted, also when the run ends early.
            await marker.DisposeAsync();
        }
    }

    /// <summary>
    /// Queues a row leased to this run's worker, its message built here, ahead of the senders, so
    /// an SMTP connection waits only for the server and never for our CPU between two messages.
    /// A row that cannot become a message fails for good.
    /// </summary>
    public async Task OfferAsync(DispatchRun run, OutboxMessage row)
    {
        MimeMessage message;
        try
        {
            message = OutboxMimeMessage.Build(row, sessions.Options);
        }
        catch (Exception ex) when (ex is InvalidRecipientException or ParseException or FormatException)
        {
            await FailAsync(row, run.Worker, ex.Message, run.Aborted);
            return;
        }

        await run.Queue.Writer.WriteAsync((row, message), run.Aborted);
    }

    private static async Task ProduceAsync(DispatchRun run, Func<DispatchRun, Task> produce, CancellationTokenSource abort)
    {
        try
        {
            await produce(run);
            run.Queue.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            run.Queue.Writer.TryComplete(ex);
            await abort.CancelAsync();
            throw;
        }
    }

    /// <summary>Claims batches into the queue until nothing is due or the server is unreachable.</summary>
    private async Task ClaimLoopAsync(DispatchRun run, CancellationToken cancellationToken)
    {
        while (run.Unreachable is null)
        {
            var (candidates, claimed) = await ClaimAsync(run.Worker, cancellationToken);
            if (candidates == 0)
            {
                break;
            }

            // Zero claimed means another dispatcher took these first: look again for the rest.
            foreach (var row in claimed)
            {
                await OfferAsync(run, row);
            }
        }
    }

    /// <summary>One SMTP connection's share of the queue.</summary>
    private async Task SendLoopAsync(DispatchRun run, SentMarker marker, int index, int[] accepted, CancellationTokenSource abort, CancellationToken cancellationToken)
    {
        IMailSession? session = null;
        try
        {
            if (index > 0)
            {
                session = await OpenAnotherAsync(run, abort.Token);
                if (session is null)
                {
                    return;
                }
            }

            await foreach (var (row, message) in run.Queue.Reader.ReadAllAsync(abort.Token))
            {
                // Disposed once handled: a MimeMessage left to its finalizer cost about twice the
                // CPU of building it (measured: 52 us a reminder's message, 17 when disposed).
                using var handled = message;
                if (run.Unreachable is { } unreachable)
                {
                    // No connection, so nothing of the rest is tried: all of it waits.
                    await RetryLaterAsync(row, run.Worker, unreachable, cancellationToken);
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
                    catch (Exception ex) when (IsTransient(ex, cancellationToken) && index > 0)
                    {
                        // An extra connection lost and not reopened: the others carry on.
                        log.LogInformation(ex, "An extra SMTP connection could not be reopened; the run goes on over the others");
                        await RetryLaterAsync(row, run.Worker, $"Could not connect: {ex.Message}", cancellationToken);
                        return;
                    }
                    catch (Exception ex) when (IsTransient(ex, cancellationToken))
                    {
                        run.NoMoreConnections();
                        if (run.MarkUnreachable($"Could not connect: {ex.Message}"))
                        {
                            log.LogWarning(ex, "Could not reach the mail server; the claimed messages wait for a retry");
                        }

                        await RetryLaterAsync(row, run.Worker, run.Unreachable!, cancellationToken);
                        continue;
                    }
                }

                await marker.ReserveAsync(cancellationToken);
                try
                {
                    await session.SendAsync(message, cancellationToken);
                }
                catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
                {
                    marker.Unreserve();
                    await FailAsync(row, run.Worker, $"{(int)ex.StatusCode} {ex.Message}", cancellationToken);
                    continue;
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken))
                {
                    marker.Unreserve();
                    var reason = ex is SmtpCommandException command ? $"{(int)command.StatusCode} {ex.Message}" : ex.Message;
                    await RetryLaterAsync(row, run.Worker, reason, cancellationToken);
                    continue;
                }
                catch
                {
                    marker.Unreserve();
                    throw;
                }

                marker.Accepted(row.Id);
                accepted[index]++;
                if (index == 0 && !run.MoreConnectionsWanted.IsCompleted && run.Queue.Reader.Count > 0)
                {
                    // Connected, and messages are waiting: the other connections may open now.
                    run.WantMoreConnections();
                }
            }
        }
        catch
        {
            // The claimer may be waiting for room in the queue: let it go too.
            await abort.CancelAsync();
            throw;
        }
        finally
        {
            if (index == 0)
            {
                run.NoMoreConnections();
            }

            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Every connection after the first opens only once the first has delivered a message with
    /// more waiting behind it: an email or two go over one connection, and a server that allows
    /// one connection per client (it refuses the next) leaves the run to the first instead of
    /// looking unreachable. Null when no other connection is wanted or the server refuses it.
    /// </summary>
    private async Task<IMailSession?> OpenAnotherAsync(DispatchRun run, CancellationToken aborted)
    {
        if (!await run.MoreConnectionsWanted.WaitAsync(aborted))
        {
            return null;
        }

        try
        {
            return await sessions.OpenAsync(aborted);
        }
        catch (Exception ex) when (IsTransient(ex, aborted))
        {
            log.LogInformation(ex, "The mail server did not take another connection; the run goes on over fewer");
            return null;
        }
    }

    /// <summary>The next due rows, and those of them this worker won.</summary>
    private async Task<(int Candidates, List<OutboxMessage> Claimed)> ClaimAsync(string worker, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Two questions the (Status, NextAttemptAt) index answers by reading only what it returns,
        // not one with an OR that PostgreSQL answers by scanning the whole table: the outbox keeps
        // its sent rows, so that scan grew with history and made each claim of a large wave slower.
        var pending = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var abandoned = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sending && m.LockedUntil < now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var ids = pending.Concat(abandoned).OrderBy(m => m.NextAttemptAt).Take(BatchSize).Select(m => m.Id).ToList();
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

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is SmtpCommandException or SmtpProtocolException or IOException or SocketException or TimeoutException
            or AuthenticationException or SslHandshakeException or ServiceNotConnectedException or ServiceNotAuthenticatedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Not the run's token: a cancelled run must still write down what it sent.</summary>
    private Task MarkSentAsync(OutboxSentWriter writer, List<Guid> ids) =>
        writer.MarkAsync(ids, Now(), CancellationToken.None);

    private async Task RetryLaterAsync(OutboxMessage row, string worker, string reason, CancellationToken cancellationToken)
    {
        var next = Now() + Backoff(row.Attempts);
        var error = OutboxMessage.ErrorText(reason);
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
        var error = OutboxMessage.ErrorText(reason);
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
}
