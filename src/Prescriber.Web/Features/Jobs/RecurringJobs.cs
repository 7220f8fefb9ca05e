using Hangfire;
using Prescriber.Web.Features.Notifications;

namespace Prescriber.Web.Features.Jobs;

/// <summary>Every recurring job of the app, in one place. Ids are stable: re-registering updates.</summary>
public static class RecurringJobs
{
    public const string OutboxDispatch = "outbox-dispatch";

    public static void Register(IRecurringJobManager jobs)
    {
        // Every minute; a run that finds nothing due costs one indexed query.
        jobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatch, job => job.RunAsync(CancellationToken.None), "* * * * *");
    }
}
