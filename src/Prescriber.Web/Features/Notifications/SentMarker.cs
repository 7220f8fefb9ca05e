using System.Threading.Channels;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// Records accepted messages as sent on its own database connection while the SMTP sends go on,
/// so the "sent" update is no longer a round trip between two sends. Durability is bounded: a
/// sender must <see cref="ReserveAsync"/> a slot before each send, and a slot is freed only once
/// the update for that message has committed, so at most <c>capacity</c> accepted messages are
/// ever unrecorded. A crash resends at most that many (with their original Message-IDs; the
/// SMTP server itself does not drop repeats). Each update writes whatever has been accepted
/// since the last one: under load that is one to a few messages, never more than the capacity.
/// </summary>
public sealed class SentMarker : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots;

    private readonly Channel<Guid> _accepted = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    private readonly CancellationTokenSource _failed = new();

    private readonly Func<List<Guid>, Task> _markSent;

    private readonly int _capacity;

    private readonly int _group;

    private readonly TimeSpan _linger;

    private readonly Task _loop;

    /// <param name="capacity">At most this many accepted messages are unrecorded at any time.</param>
    /// <param name="markSent">Records a group of accepted messages; called by one loop, one call at a time.</param>
    /// <param name="group">
    /// An update waits for this many messages (at most <paramref name="linger"/>): every update is
    /// a round trip that costs the app and the database CPU the sends need. Half the capacity, so
    /// the senders go on with the other half while a group is recorded.
    /// </param>
    /// <param name="linger">How long a smaller group waits for more before it is recorded anyway.</param>
    public SentMarker(int capacity, Func<List<Guid>, Task> markSent, int? group = null, TimeSpan? linger = null)
    {
        _capacity = capacity;
        _group = Math.Clamp(group ?? capacity / 2, 1, capacity);
        _linger = linger ?? TimeSpan.FromMilliseconds(20);
        _slots = new SemaphoreSlim(capacity, capacity);
        _markSent = markSent;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Waits until fewer than the capacity are unrecorded; throws once recording has failed.</summary>
    public async Task ReserveAsync(CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _failed.Token);
        await _slots.WaitAsync(either.Token);
    }

    /// <summary>The reserved send was not accepted: nothing to record.</summary>
    public void Unreserve() => _slots.Release();

    /// <summary>The server accepted it: recorded as sent shortly, by the loop.</summary>
    public void Accepted(Guid id) => _accepted.Writer.TryWrite(id);

    /// <summary>Records what is still waiting, then rethrows the failure of an update, if any.</summary>
    public async ValueTask DisposeAsync()
    {
        _accepted.Writer.TryComplete();
        try
        {
            await _loop;
        }
        finally
        {
            _failed.Dispose();
            _slots.Dispose();
        }
    }

    private async Task LoopAsync()
    {
        var reader = _accepted.Reader;
        var ids = new List<Guid>(_capacity);
        // Never the run's token: a cancelled run must still write down what it sent.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            Drain(reader, ids);
            if (ids.Count < _group)
            {
                await LingerAsync(reader, ids);
            }

            try
            {
                await _markSent(ids);
            }
            catch
            {
                // Stop the senders: without a record, every further send would be a resend later.
                await _failed.CancelAsync();
                throw;
            }

            _slots.Release(ids.Count);
            ids.Clear();
        }
    }

    /// <summary>Waits up to the linger time for a full group; returns early when the senders are done.</summary>
    private async Task LingerAsync(ChannelReader<Guid> reader, List<Guid> ids)
    {
        using var timeout = new CancellationTokenSource(_linger);
        try
        {
            while (ids.Count < _group && await reader.WaitToReadAsync(timeout.Token))
            {
                Drain(reader, ids);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // The senders paused (the next claim, a slow server): record what there is.
        }
    }

    private void Drain(ChannelReader<Guid> reader, List<Guid> ids)
    {
        while (ids.Count < _capacity && reader.TryRead(out var id))
        {
            ids.Add(id);
        }
    }
}
