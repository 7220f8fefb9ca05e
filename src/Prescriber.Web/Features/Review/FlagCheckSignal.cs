using System.Threading.Channels;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// Wakes this node's <see cref="FlagCheckWorker"/> when a session is logged, so the clinic's flag
/// rules run seconds after the answer rather than at the next sweep. Only a hint: the queued row
/// is the real record, and a lost or extra nudge changes nothing but timing.
/// </summary>
public sealed class FlagCheckSignal
{
    // One pending nudge is enough: the worker drains every queued check each time it wakes.
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _nudges.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _nudges.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout: time for a sweep anyway.
        }
    }
}
