using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prescriber.Core.Notifications;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Reminders;
using Prescriber.Data;
using Prescriber.Data.Notifications;
using Prescriber.Data.Reminders;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// Turns due reminder slots into outbox messages, and sends them. Safe to run twice, to overlap
/// itself and to run on several servers: each slot is a <see cref="ReminderDelivery"/> row under
/// a unique key, written in the same save as its email, so whoever writes second stores nothing.
/// The emails are written already claimed by this run's own dispatch run, which sends them while
/// the scan goes on: a wave of reminders skips the dispatcher's claim (an update and a read of
/// every row). If this run dies, its rows go out with the next dispatcher once the lease ends;
/// if the mail server is unreachable, the rest are written unclaimed for the dispatcher's retries.
/// Works across clinics (a job has no clinic), hence IgnoreQueryFilters on every query.
/// </summary>
public sealed class ReminderJob(
    IDbContextFactory<AppDbContext> contexts,
    ReminderEmails emails,
    OutboxDispatchJob dispatcher,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderJob> log)
{
    private readonly Dictionary<string, TimeZoneInfo> _zones = [];

    /// <summary>Queues every due reminder and sends them; returns how many were queued by this run.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var accepted = await dispatcher.SendAsync(async run => queued = await ScanAsync(run, cancellationToken), cancellationToken);
        if (queued > 0)
        {
            log.LogInformation("Queued {Count} reminders; the mail server accepted {Accepted} of them in this run", queued, accepted);
        }

        return queued;
    }

    private async Task<int> ScanAsync(DispatchRun run, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var batchSize = options.Value.BatchSize;
        var queued = 0;
        Guid? after = null;
        while (true)
        {
            // Keyset paging over program ids: the same small query per batch whether there are a
            // hundred programs or a hundred thousand.
            var batch = await LoadBatchAsync(after, batchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].ProgramId;
            var saved = await QueueAsync(batch, now, run, cancellationToken);
            queued += saved.Count;
            // Only after the save: a row is offered once it is safely stored.
            foreach (var message in saved.Where(m => m.Status == OutboxStatus.Sending))
            {
                await dispatcher.OfferAsync(run, message);
            }

            if (batch.Count < batchSize)
            {
                break;
            }
        }

        return queued;
    }

    private async Task<List<ReminderCandidate>> LoadBatchAsync(Guid? after, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var programs = db.Programs.IgnoreQueryFilters().Where(p => p.Status == ProgramStatus.Active);
        var versions = db.ProgramVersions.IgnoreQueryFilters();
        if (after is { } last)
        {
            programs = programs.Where(p => p.Id.CompareTo(last) > 0);
            // Implied by the join, but PostgreSQL does not carry a range across a join: without it
            // the versions are read from the first program on in every batch, so a scan of N
            // programs read N²/2 version rows (46 ms a batch at 100,000).
            versions = versions.Where(v => v.ProgramId.CompareTo(last) > 0);
        }

        return await (
            from p in programs
            join patient in db.Patients.IgnoreQueryFilters() on p.PatientId equals patient.Id
            join v in versions on new { p.Id, p.CurrentVersion } equals new { Id = v.ProgramId, CurrentVersion = v.Number }
            where !patient.RemindersOff
            orderby p.Id
            select new ReminderCandidate(
                p.Id, p.ClinicId, p.Name, p.CreatedAt, p.PatientReminderTimes, p.PatientReminderDays,
                patient.Id, patient.Name, patient.Email, patient.TimeZone, patient.RemindersPausedUntil,
                v.Days, v.StartDate, v.EndDate, v.ReminderTimes))
            .Take(batchSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Saves the batch's due reminders; returns the messages this run stored.</summary>
    private async Task<List<OutboxMessage>> QueueAsync(List<ReminderCandidate> batch, DateTimeOffset now, DispatchRun run, CancellationToken cancellationToken)
    {
        var due = new List<(ReminderCandidate Program, DueSlot Slot, int Ordinal)>();
        foreach (var program in batch)
        {
            var schedule = new ReminderSchedule(program.Times, program.ReminderDays, program.StartDate, program.EndDate, Zone(program.TimeZone));
            var notBefore = new DateTimeOffset(DateTime.SpecifyKind(program.ProgramCreatedAt, DateTimeKind.Utc));
            var ordered = program.Times.Distinct().Order().ToList();
            // A patient on holiday paused reminders up to a day of their own calendar.
            due.AddRange(schedule.DueAt(now, options.Value.CatchUp, notBefore)
                .Where(s => program.PausedUntil is not { } until || s.LocalDate > until)
                .Select(s => (program, s, ordered.IndexOf(s.Slot) + 1)));
        }

        if (due.Count == 0)
        {
            return [];
        }

        var ids = due.Select(d => d.Program.ProgramId).Distinct().ToList();
        var dates = due.Select(d => d.Slot.LocalDate).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Two set-based reads per batch, not per patient: what is already queued, and what is logged.
        var sent = (await db.ReminderDeliveries.IgnoreQueryFilters().AsNoTracking()
                .Where(d => ids.Contains(d.ProgramId) && dates.Contains(d.LocalDate))
                .Select(d => new { d.ProgramId, d.LocalDate, d.Slot })
                .ToListAsync(cancellationToken))
            .Select(d => (d.ProgramId, d.LocalDate, d.Slot))
            .ToHashSet();
        var logged = (await db.SessionLogs.IgnoreQueryFilters().AsNoTracking()
                .Where(s => ids.Contains(s.ProgramId) && dates.Contains(s.LocalDate))
                .GroupBy(s => new { s.ProgramId, s.LocalDate })
                .Select(g => new { g.Key.ProgramId, g.Key.LocalDate, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(g => (g.ProgramId, g.LocalDate), g => g.Count);

        var created = DateTime.SpecifyKind(now.UtcDateTime, DateTimeKind.Utc);
        var pending = new List<(ReminderDelivery Delivery, OutboxMessage Message)>();
        foreach (var (program, slot, ordinal) in due)
        {
            if (sent.Contains((program.ProgramId, slot.LocalDate, slot.Slot)))
            {
                continue;
            }

            // The day's n-th reminder is for its n-th session: once that many sessions are logged
            // that day (any state, a skipped session was answered too), it has nothing to remind of.
            // With one reminder a day this is simply "no reminder once today is logged".
            if (logged.GetValueOrDefault((program.ProgramId, slot.LocalDate)) >= ordinal)
            {
                continue;
            }

            var message = await emails.BuildAsync(program, slot, now);
            var delivery = new ReminderDelivery
            {
                ClinicId = program.ClinicId,
                ProgramId = program.ProgramId,
                PatientId = program.PatientId,
                LocalDate = slot.LocalDate,
                Slot = slot.Slot,
                DueAt = slot.DueAt.UtcDateTime,
                CreatedAt = created,
                OutboxMessageId = message.Id,
            };
            pending.Add((delivery, message));
        }

        if (pending.Count == 0)
        {
            return [];
        }

        // Claimed by this run while its mail server answers; the lease counts from the save. Once
        // it is known unreachable, the rest wait for the dispatcher's retry with its reason, just
        // as the claimed rows it could not send do: one state for the whole wave, whichever way
        // the race between this scan and the failing connection went.
        var unreachable = run.Unreachable;
        (string, DateTime)? lease = unreachable is null ? (run.Worker, time.GetUtcNow().UtcDateTime + OutboxDispatchJob.Lease) : null;
        if (unreachable is not null)
        {
            var retry = created + OutboxDispatchJob.Backoff(0);
            foreach (var (_, message) in pending)
            {
                OutboxWriter.WaitForRetry(message, retry, unreachable);
            }
        }

        // The whole batch in one transaction, each delivery with its email (a COPY on PostgreSQL).
        // If another run got some slot first, the unique index rejects it and each slot is saved alone.
        try
        {
            await ReminderBatchWriter.SaveAsync(db, pending, created, lease, cancellationToken);
            return [.. pending.Select(p => p.Message)];
        }
        catch (Exception ex) when (ReminderDeliveries.IsDuplicateSlot(ex) || ReminderDeliveries.IsDeadlock(ex))
        {
            log.LogInformation("Another reminder run queued some of these slots first; saving the rest one by one");
        }

        var queued = new List<OutboxMessage>();
        foreach (var (delivery, message) in pending)
        {
            if (await SaveAloneAsync(delivery, message, created, lease, cancellationToken))
            {
                queued.Add(message);
            }
        }

        return queued;
    }

    /// <summary>One slot in its own save; false when another run or server queued it first.</summary>
    private async Task<bool> SaveAloneAsync(ReminderDelivery delivery, OutboxMessage message, DateTime created, (string Worker, DateTime Until)? lease, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var single = await contexts.CreateDbContextAsync(cancellationToken);
            single.ReminderDeliveries.Add(delivery);
            OutboxWriter.Add(single, message, created);
            OutboxWriter.Lease(message, created, lease);

            try
            {
                await single.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException ex) when (ReminderDeliveries.IsDuplicateSlot(ex))
            {
                // Another run or server queued this slot: it is done, and sent once.
                return false;
            }
            catch (Exception ex) when (ReminderDeliveries.IsDeadlock(ex) && attempt < 3)
            {
                // Aborted in favour of a writer of the same slot; trying again finds it written
                // (a duplicate) or, if that writer failed after all, writes it.
            }
        }
    }

    private TimeZoneInfo Zone(string id)
    {
        if (!_zones.TryGetValue(id, out var zone))
        {
            zone = PatientTime.Zone(id);
            _zones[id] = zone;
        }

        return zone;
    }
}
