using Microsoft.EntityFrameworkCore;
using Prescriber.Data;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// Runs the clinic's flag rules for every queued session, oldest first, each in its own scope
/// and transaction (<see cref="FlagRaiser.CheckQueuedAsync"/>). Safe to run twice and on several
/// nodes at once: a check is claimed by deleting its row, so only one run raises its flags.
/// </summary>
public sealed class FlagCheckJob(IDbContextFactory<AppDbContext> contexts, IServiceScopeFactory scopes, ILogger<FlagCheckJob> logger)
{
    private const int BatchSize = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<Guid> batch;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                batch = await db.QueuedFlagChecks.AsNoTracking().OrderBy(q => q.QueuedAt).Select(q => q.SessionId).Take(BatchSize).ToListAsync(cancellationToken);
            }

            var failed = new List<Exception>();
            foreach (var sessionId in batch)
            {
                try
                {
                    // A scope per session: each enters its own session's clinic.
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<FlagRaiser>().CheckQueuedAsync(sessionId, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One bad check must not hold up the others; it stays queued for the next run.
                    logger.LogError(ex, "The flag rules failed for session {SessionId}.", sessionId);
                    failed.Add(ex);
                }
            }

            if (failed.Count > 0)
            {
                throw new AggregateException("Some queued flag checks failed and stay queued.", failed);
            }

            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }
}
