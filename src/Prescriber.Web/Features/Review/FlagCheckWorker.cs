namespace Prescriber.Web.Features.Review;

/// <summary>
/// Drains the queued flag checks on this node: at start (checks left by a stop or a crash), when
/// <see cref="FlagCheckSignal"/> says a session was logged, and every minute in case another
/// node's nudge went to a node that stopped. A failed run is logged and tried again at the next wake.
/// </summary>
internal sealed class FlagCheckWorker(IServiceScopeFactory scopes, FlagCheckSignal signal, ILogger<FlagCheckWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FlagCheckJob>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Running the queued flag checks failed; trying again at the next session or sweep.");
            }

            await signal.WaitAsync(Sweep, stoppingToken);
        }
    }
}
