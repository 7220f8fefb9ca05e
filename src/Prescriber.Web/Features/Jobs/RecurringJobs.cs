using Hangfire;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Features.Review;

namespace Prescriber.Web.Features.Jobs;

/// <summary>Every recurring job of the app, in one place. Ids are stable: re-registering updates.</summary>
public static class RecurringJobs
{
    public const string OutboxDispatch = "outbox-dispatch";

    public const string SilenceFlags = "silence-flags";

    public const string Reminders = "reminders";

    public const string ClinicianDigest = "clinician-digest";

    public static void Register(IRecurringJobManager jobs)
    {
        // Every minute; a run that finds nothing due costs one indexed query.
        jobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatch, job => job.RunAsync(CancellationToken.None), "* * * * *");

        // Hourly: no-log-for-N-days flags, raised within the hour a patient's own day makes them
        // due, wherever they live (a flag already open is not raised again, so the repeats cost a read).
        jobs.AddOrUpdate<SilenceFlagJob>(SilenceFlags, job => job.RunAsync(CancellationToken.None), "5 * * * *");

        // Every minute: a 07:30 reminder goes out by 07:31. Each run reads active programs in
        // keyset batches and writes only due slots; a slot already queued costs nothing but the
        // lookup, and the unique slot key makes an overlapping or doubled run harmless.
        jobs.AddOrUpdate<ReminderJob>(Reminders, job => job.RunAsync(CancellationToken.None), "* * * * *");

        // Every 15 minutes rather than once a day: clinics sit in different time zones, each gets
        // its digest from its own 07:00, and the per-clinician, per-day key sends it once.
        jobs.AddOrUpdate<ClinicianDigestJob>(ClinicianDigest, job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
    }
}
