using Hangfire;
using Microsoft.Extensions.Options;
using Prescriber.Web.Features.Jobs;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// Asks for a dispatch now, after something was queued that a person is waiting for (a password
/// reset link). Only a nudge: the recurring dispatch sends it within a minute anyway, and the
/// message itself is already safe in the outbox.
/// </summary>
public sealed class OutboxDispatchTrigger(IBackgroundJobClient jobs, IOptions<JobsOptions> options)
{
    public void DispatchSoon()
    {
        if (options.Value.Enabled)
        {
            jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync(CancellationToken.None));
        }
    }
}
