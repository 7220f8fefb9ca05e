using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Web.Features.Jobs;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>With Jobs:Enabled the app runs a real Hangfire server on its storage (in memory or PostgreSQL).</summary>
public abstract class HangfireJobsTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task The_dispatcher_is_registered_every_minute_and_sends_when_hangfire_runs_it()
    {
        var recurring = await App.InScopeAsync(sp =>
        {
            using var connection = sp.GetRequiredService<JobStorage>().GetConnection();
            return Task.FromResult(connection.GetRecurringJobs());
        });
        Assert.Equal("* * * * *", recurring.Single(j => j.Id == RecurringJobs.OutboxDispatch).Cron);
        Assert.Equal("* * * * *", recurring.Single(j => j.Id == RecurringJobs.Reminders).Cron);
        Assert.Equal("*/15 * * * *", recurring.Single(j => j.Id == RecurringJobs.ClinicianDigest).Cron);

        var token = Token();
        await QueueAsync($"{token}@mail.test");

        await App.InScopeAsync(sp =>
        {
            sp.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.OutboxDispatch);
            return Task.CompletedTask;
        });

        // The server picks the job up within its polling interval.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Mailbox.To(token).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Single(Mailbox.To(token));
    }
}

public sealed class HangfireJobsTestsOnSqlite(SqliteJobsApp app) : HangfireJobsTests<SqliteJobsApp>(app);

public sealed class HangfireJobsTestsOnPostgres(PostgresJobsApp app) : HangfireJobsTests<PostgresJobsApp>(app);
