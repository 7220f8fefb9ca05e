using System.Threading.Channels;
using MimeKit;
using Prescriber.Core.Notifications;

namespace Prescriber.Web.Features.Notifications;

/// <summary>What the producer (the claimer, or a writer handing over its own rows) and the senders of one dispatch run share.</summary>
public sealed class DispatchRun(string worker, Channel<(OutboxMessage Row, MimeMessage Message)> queue, CancellationToken aborted)
{
    private string? _unreachable;

    private readonly TaskCompletionSource<bool> _moreConnections = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>This run's lease owner.</summary>
    public string Worker { get; } = worker;

    /// <summary>Claimed rows, each with its message already built, waiting for a sender.</summary>
    internal Channel<(OutboxMessage Row, MimeMessage Message)> Queue { get; } = queue;

    /// <summary>Cancelled when the run stops early (a sender failed, or the caller cancelled).</summary>
    public CancellationToken Aborted { get; } = aborted;

    /// <summary>Set once a connection could not be opened: the reason every remaining row waits with.</summary>
    public string? Unreachable => Volatile.Read(ref _unreachable);

    /// <summary>True for the first sender to find the server unreachable (it logs it).</summary>
    internal bool MarkUnreachable(string reason) => Interlocked.CompareExchange(ref _unreachable, reason, null) is null;

    /// <summary>True once the first connection has delivered with a backlog behind it; false when the run ends without one.</summary>
    internal Task<bool> MoreConnectionsWanted => _moreConnections.Task;

    /// <summary>The first connection delivered with messages waiting behind it: the others may open.</summary>
    internal void WantMoreConnections() => _moreConnections.TrySetResult(true);

    /// <summary>The first connection ended or never opened: the others stay closed (if they never opened).</summary>
    internal void NoMoreConnections() => _moreConnections.TrySetResult(false);
}
