using Hangfire;

namespace Prescriber.Web.Features.Jobs;

/// <summary>Registers the recurring jobs once the host starts (after the database migrator ran).</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecurringJobs.Register(jobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
