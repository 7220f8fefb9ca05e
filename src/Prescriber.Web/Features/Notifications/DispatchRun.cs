using System.Threading.Channels;
using MimeKit;
using Prescriber.Core.Notifications;

namespace Prescriber.Web.Features.Notifications;

/// <summary>What the claimer and the senders of one dispatch run share.</summary>
internal sealed class DispatchRun(string worker, Channel<(OutboxMessage Row, MimeMessage Message)> queue)
{
    private string? _unreachable;

    /// <summary>This run's lease owner.</summary>
    public string Worker { get; } = worker;

    /// <summary>Claimed rows, each with its message already built, waiting for a sender.</summary>
    public Channel<(OutboxMessage Row, MimeMessage Message)> Queue { get; } = queue;

    /// <summary>Set once a connection could not be opened: the reason every remaining row waits with.</summary>
    public string? Unreachable => Volatile.Read(ref _unreachable);

    /// <summary>True for the first sender to find the server unreachable (it logs it).</summary>
    public bool MarkUnreachable(string reason) => Interlocked.CompareExchange(ref _unreachable, reason, null) is null;
}
