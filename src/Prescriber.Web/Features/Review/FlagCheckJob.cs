using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Flags;
using Prescriber.Core.Sessions;
using Prescriber.Data;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// Runs the clinic's flag rules for every queued session, oldest first, each in its own scope
/// and transaction (<see cref="FlagRaiser.CheckQueuedAsync"/>). Safe to run twice and on several
/// nodes at once: a check is claimed by deleting its row, so only one run raises its flags.
/// A batch's sessions and their clinics' settings are read once, not once a session: under a
/// burst of logging this worker is most of the database work (docs/performance.md, issue 6).
/// </summary>
public sealed class FlagCheckJob(IDbContextFactory<AppDbContext> contexts, IServiceScopeFactory scopes, ILogger<FlagCheckJob> logger)
{
    private const int BatchSize = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<Guid> batch;
            List<SessionLog> sessions;
            Dictionary<Guid, FlagSettings> settings;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                batch = await db.QueuedFlagChecks.AsNoTracking().OrderBy(q => q.QueuedAt).Select(q => q.SessionId).Take(BatchSize).ToListAsync(cancellationToken);
                // A job has no clinic: the sessions name theirs, and each check then enters it.
                var found = await db.SessionLogs.IgnoreQueryFilters().AsNoTracking().Where(s => batch.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
                sessions = [.. batch.Where(found.ContainsKey).Select(id => found[id])];
                var clinics = sessions.Select(s => s.ClinicId).Distinct().ToList();
                settings = await db.Clinics.AsNoTracking().Where(c => clinics.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FlagSettings, cancellationToken);
            }

            var failed = new List<Exception>();
            foreach (var session in sessions)
            {
                try
                {
                    // A scope per session: each enters its own session's clinic.
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<FlagRaiser>().CheckQueuedAsync(session, settings[session.ClinicId], cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One bad check must not hold up the others; it stays queued for the next run.
                    logger.LogError(ex, "The flag rules failed for session {SessionId}.", session.Id);
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
