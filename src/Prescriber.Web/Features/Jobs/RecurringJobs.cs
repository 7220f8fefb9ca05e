using Hangfire;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Features.Review;

namespace Prescriber.Web.Features.Jobs;

/// <summary>Every recurring job of the app, in one place. Ids are stable: re-registering updates.</summary>
public static class RecurringJobs
{
    public const string OutboxDispatch = "outbox-dispatch";

    public const string SilenceFlags = "silence-flags";

    public static void Register(IRecurringJobManager jobs)
    {
        // Every minute; a run that finds nothing due costs one indexed query.
        jobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatch, job => job.RunAsync(CancellationToken.None), "* * * * *");

        // Daily at 06:00 UTC: no-log-for-N-days flags, in the worklist before morning clinic in Europe.
        jobs.AddOrUpdate<SilenceFlagJob>(SilenceFlags, job => job.RunAsync(CancellationToken.None), "0 6 * * *");
    }
}
