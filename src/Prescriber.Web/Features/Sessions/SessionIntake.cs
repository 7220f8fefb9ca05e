using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Prescriber.Core.Flags;
using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;
using Prescriber.Data;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// Stores logged sessions in batches. Each round trip to the database costs more than the rest of
/// a log, so the sessions that arrive while one batch is saved are read and saved together as
/// the next: a batch of fifty needs the same four round trips as a session alone, and a session
/// that arrives alone is a batch of one and waits for nothing. Every caller gets its own answer,
/// and hears "saved" only after its session is committed (docs/performance.md, issue 6).
/// </summary>
public sealed class SessionIntake : IAsyncDisposable, IDisposable
{
    // Two desks: one reads or saves while the other's batch gathers, so neither the app nor the
    // database waits for the other; more would only make smaller batches.
    private const int Desks = 2;
    private const int MaxBatch = 100;

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>();
    private readonly IServiceScopeFactory _scopes;
    private readonly VersionCache _versions;
    private readonly Review.FlagCheckSignal _flagChecks;
    private readonly ILogger<SessionIntake> _logger;
    private readonly Task[] _desks;

    public SessionIntake(IServiceScopeFactory scopes, VersionCache versions, Review.FlagCheckSignal flagChecks, ILogger<SessionIntake> logger)
    {
        _scopes = scopes;
        _versions = versions;
        _flagChecks = flagChecks;
        _logger = logger;
        _desks = [.. Enumerable.Range(0, Desks).Select(_ => Task.Run(RunDeskAsync))];
    }

    /// <summary>Stores the session (or finds it stored under the same key) as of <paramref name="now"/>.</summary>
    public Task<LogResult> LogAsync(Patient patient, SessionSubmission submission, DateTimeOffset now)
    {
        // The note screen is the costliest check of a log and needs nothing from the database:
        // it runs on the caller's thread, not at a desk.
        var pending = new Pending(patient, submission, now, ScreeningTrigger.Evaluate(submission.PainBefore, submission.PainAfter, submission.Note));
        return _pending.Writer.TryWrite(pending)
            ? pending.Answer.Task
            : Task.FromException<LogResult>(new ObjectDisposedException(nameof(SessionIntake), "The app is shutting down; the session was not saved."));
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever was handed in is still answered: the desks empty the queue before they stop.
        _pending.Writer.TryComplete();
        await Task.WhenAll(_desks);
    }

    /// <summary>A container disposed without await: the desks still empty the queue, unawaited.</summary>
    public void Dispose() => _pending.Writer.TryComplete();

    private async Task RunDeskAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await StoreAsync(batch);
            }
            catch (Exception ex)
            {
                // The database is down or failed in a way no single session caused: every caller
                // of the batch hears it (a server error), none is left waiting.
                _logger.LogError(ex, "A batch of {Count} logged sessions could not be stored.", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Answer.TrySetException(ex);
                }
            }
        }
    }

    private async Task StoreAsync(List<Pending> batch)
    {
        // A second copy of a submit (same patient, same key) waits for a batch of its own after
        // this one, where it finds the first stored: one session, the copy "already saved".
        var seen = new HashSet<(Guid, string)>();
        var now = new List<Pending>(batch.Count);
        var later = new List<Pending>();
        foreach (var pending in batch)
        {
            var copy = pending.Submission.IdempotencyKey is { Length: > 0 } key && !seen.Add((pending.Patient.Id, key));
            (copy ? later : now).Add(pending);
        }

        await using var scope = _scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var alerts = scope.ServiceProvider.GetRequiredService<Review.FlagAlerts>();
        await using var db = await contexts.CreateDbContextAsync();

        // A desk has no clinic: each session's patient (from a signed link or a sign-in) names its
        // clinic, and every row read below is checked against that patient before it is used.
        var programIds = now.Select(p => p.Submission.ProgramId).Distinct().ToList();
        var programs = await db.Programs.IgnoreQueryFilters().AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var starts = (await db.ProgramVersions.IgnoreQueryFilters().AsNoTracking()
                .Where(v => programIds.Contains(v.ProgramId))
                .Select(v => new VersionStart(v.Id, v.ProgramId, v.Number, v.CreatedAt, v.StartDate))
                .ToListAsync())
            .ToLookup(v => v.ProgramId);
        // Sessions stored before under a key of this batch (a retry, a double tap): almost never any.
        var keys = now.Select(p => p.Submission.IdempotencyKey).OfType<string>().Where(k => k.Length > 0).Distinct().ToList();
        var earlier = keys.Count == 0
            ? []
            : await db.SessionLogs.IgnoreQueryFilters().AsNoTracking().Where(s => keys.Contains(s.IdempotencyKey)).ToListAsync();
        var stored = earlier.ToDictionary(s => (s.PatientId, s.IdempotencyKey));

        var accepted = new List<(Pending Pending, Accepted Accepted)>();
        foreach (var pending in now)
        {
            var key = pending.Submission.IdempotencyKey;
            if (!string.IsNullOrEmpty(key) && stored.TryGetValue((pending.Patient.Id, key), out var session))
            {
                pending.Answer.TrySetResult(new LogResult(LogOutcome.AlreadySaved, session));
                continue;
            }

            programs.TryGetValue(pending.Submission.ProgramId, out var program);
            var decision = await DecideAsync(db, pending, program, starts);
            if (decision.Accepted is { } ok)
            {
                accepted.Add((pending, ok));
            }
            else
            {
                pending.Answer.TrySetResult(decision.Refused!);
            }
        }

        if (accepted.Count > 0)
        {
            await SaveAsync(db, contexts, alerts, accepted);
        }

        if (later.Count > 0)
        {
            await StoreAsync(later);
        }
    }

    private async Task SaveAsync(AppDbContext db, IDbContextFactory<AppDbContext> contexts, Review.FlagAlerts alerts, List<(Pending Pending, Accepted Accepted)> accepted)
    {
        int alerted;
        try
        {
            alerted = await SaveTogetherAsync(db, alerts, accepted);
            foreach (var (pending, ok) in accepted)
            {
                pending.Answer.TrySetResult(new LogResult(LogOutcome.Saved, ok.Session, Trigger: pending.Trigger));
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or PostgresException)
        {
            // A row of the batch broke a rule of the database (nothing of the batch was stored):
            // almost always a copy of a submit that raced in on another node or desk. Each is
            // saved alone, so only that one is answered differently.
            db.ChangeTracker.Clear();
            alerted = 0;
            foreach (var (pending, ok) in accepted)
            {
                await using var alone = await contexts.CreateDbContextAsync();
                alerted += await SaveAloneAsync(alone, alerts, pending, ok);
            }
        }

        _flagChecks.Nudge();
        if (alerted > 0)
        {
            alerts.SendSoon();
        }
    }

    /// <summary>The whole batch in one transaction; returns how many alert emails went with it.</summary>
    private static async Task<int> SaveTogetherAsync(AppDbContext db, Review.FlagAlerts alerts, List<(Pending Pending, Accepted Accepted)> accepted)
    {
        var alerted = 0;
        if (!db.Database.IsNpgsql())
        {
            foreach (var (pending, ok) in accepted)
            {
                alerted += await AddAsync(db, alerts, pending, ok);
            }

            await db.SaveChangesAsync();
            return alerted;
        }

        // PostgreSQL: the sessions, their entries and their flag-check rows as one statement a
        // table, all three in one round trip; EF Core would send one INSERT a row, which under a
        // burst is most of the work. The rare flags and alert emails go through EF Core, in the
        // same transaction.
        var sessions = accepted.Select(a => a.Accepted.Session).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using (var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection()))
        {
            batch.BatchCommands.Add(PostgresRows.Insert(db, sessions));
            batch.BatchCommands.Add(PostgresRows.Insert(db, sessions.SelectMany(s => s.Entries).ToList()));
            batch.BatchCommands.Add(PostgresRows.Insert(db, sessions.Select(FlagCheckOf).ToList()));
            await batch.ExecuteNonQueryAsync();
        }

        foreach (var (pending, ok) in accepted.Where(a => a.Accepted.Flag is not null))
        {
            db.Flags.Add(ok.Flag!);
            alerted += await alerts.AddAsync(db, ok.Flag!, pending.Patient.Name);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return alerted;
    }

    private static async Task<int> SaveAloneAsync(AppDbContext db, Review.FlagAlerts alerts, Pending pending, Accepted ok)
    {
        var alerted = await AddAsync(db, alerts, pending, ok);
        try
        {
            await db.SaveChangesAsync();
            pending.Answer.TrySetResult(new LogResult(LogOutcome.Saved, ok.Session, Trigger: pending.Trigger));
            return alerted;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await AnswerRaceAsync(db, pending, ok);
            return 0;
        }
    }

    /// <summary>Two copies of one submit raced; the unique key let one in, and that one is the answer.</summary>
    private static async Task AnswerRaceAsync(AppDbContext db, Pending pending, Accepted ok)
    {
        var key = pending.Submission.IdempotencyKey;
        var raced = string.IsNullOrEmpty(key)
            ? null
            : await db.SessionLogs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.PatientId == pending.Patient.Id && s.IdempotencyKey == key);
        if (raced is not null && raced.Id != ok.Session.Id)
        {
            pending.Answer.TrySetResult(new LogResult(LogOutcome.AlreadySaved, raced));
        }
        else
        {
            pending.Answer.TrySetException(new InvalidOperationException("The session could not be stored, and no session with its key was."));
        }
    }

    /// <summary>Adds a session's rows to the context; returns how many alert emails went with them.</summary>
    private static async Task<int> AddAsync(AppDbContext db, Review.FlagAlerts alerts, Pending pending, Accepted ok)
    {
        db.SessionLogs.Add(ok.Session);
        // The clinic's flag rules (high or rising pain, too easy, too hard) run after the answer,
        // from a queue row saved with the session: a crash or restart cannot lose the check.
        db.QueuedFlagChecks.Add(FlagCheckOf(ok.Session));
        if (ok.Flag is null)
        {
            return 0;
        }

        db.Flags.Add(ok.Flag);
        return await alerts.AddAsync(db, ok.Flag, pending.Patient.Name);
    }

    private static QueuedFlagCheck FlagCheckOf(SessionLog session) => new() { SessionId = session.Id, QueuedAt = session.LoggedAt };

    private async Task<Decision> DecideAsync(AppDbContext db, Pending pending, ExerciseProgram? program, ILookup<Guid, VersionStart> starts)
    {
        var (patient, submission, now, trigger) = pending;
        var zone = PatientTime.Zone(patient.TimeZone);
        var dates = SessionRules.LoggableDates(now, zone);
        var date = submission.Date ?? dates[0];

        if (program is null || program.ClinicId != patient.ClinicId)
        {
            // Unknown here, or another clinic's: the same answer, so ids cannot be probed.
            return Invalid("programId", "is not a plan of yours");
        }

        if (program.PatientId != patient.Id)
        {
            return new Decision(new LogResult(LogOutcome.Forbidden));
        }

        if (!dates.Contains(date))
        {
            return Invalid("date", "can be today or a day that ended less than 48 hours ago");
        }

        if (program.Status == ProgramStatus.Ended)
        {
            return Invalid("programId", "this plan has ended; your clinician can give you a new one");
        }

        // The version in force that day: a late log is judged against what was prescribed then.
        // A plan counts from the day its first version was made, or from its start date if earlier.
        var endOfDay = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var endOfDayUtc = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay)).UtcDateTime;
        var start = starts[program.Id]
            .Where(v => v.CreatedAt < endOfDayUtc || (v.Number == 1 && v.StartDate <= date))
            .OrderByDescending(v => v.CreatedAt < endOfDayUtc).ThenByDescending(v => v.Number)
            .FirstOrDefault();
        if (start is null)
        {
            return Invalid("date", "your plan had not started on that day");
        }

        var version = await _versions.GetAsync(db, start.Id, CancellationToken.None);
        var prescribed = version.Exercises.ToDictionary(e => e.Id);
        var errors = SessionSubmissionRules.Validate(submission, prescribed.Keys.ToHashSet());
        if (errors.Count > 0)
        {
            return new Decision(new LogResult(LogOutcome.Invalid, Errors: errors));
        }

        var session = BuildSession(patient, program, version, date, dates[0], submission, prescribed, now.UtcDateTime);
        if (!trigger.Needed)
        {
            return new Decision(Accepted: new Accepted(session, null));
        }

        session.Screening = ScreeningState.Pending;
        session.ScreeningTier = trigger.Baseline;
        // The clinician hears of it now, whether or not the patient answers the checklist.
        var flag = new Flag
        {
            ClinicId = patient.ClinicId,
            PatientId = patient.Id,
            SessionId = session.Id,
            Kind = trigger.Matches.Count > 0 ? FlagKind.RedFlagWords : FlagKind.Pain,
            Severity = trigger.Baseline,
            Summary = $"Session of {date:yyyy-MM-dd}: {string.Join("; ", trigger.Reasons)}.",
            CreatedAt = now.UtcDateTime,
        };
        return new Decision(Accepted: new Accepted(session, flag));
    }

    private static SessionLog BuildSession(
        Patient patient, ExerciseProgram program, ProgramVersion version, DateOnly date, DateOnly today,
        SessionSubmission submission, Dictionary<Guid, PrescribedExercise> prescribed, DateTime now)
    {
        var session = new SessionLog
        {
            ClinicId = patient.ClinicId,
            PatientId = patient.Id,
            ProgramId = program.Id,
            VersionId = version.Id,
            LocalDate = date,
            LoggedAt = now,
            Retrospective = date < today,
            PainBefore = submission.PainBefore,
            PainAfter = submission.PainAfter,
            Difficulty = submission.Difficulty,
            Note = string.IsNullOrWhiteSpace(submission.Note) ? null : submission.Note.Trim(),
            IdempotencyKey = submission.IdempotencyKey,
        };
        session.Entries = submission.Entries.Select(e => new SessionEntry
        {
            ClinicId = patient.ClinicId,
            SessionId = session.Id,
            PrescribedExerciseId = e.PrescribedExerciseId,
            Outcome = e.Outcome,
            SetsDone = e.Outcome == EntryOutcome.Partial ? e.SetsDone : null,
            RepsDone = e.Outcome == EntryOutcome.Partial ? e.RepsDone : null,
            SkipReason = e.Outcome == EntryOutcome.Skipped ? e.SkipReason : null,
        }).ToList();
        session.Status = SessionRules.StatusOf(session.Entries.Select(e => (e, prescribed[e.PrescribedExerciseId])).ToList());
        return session;
    }

    private static Decision Invalid(string field, string message) => new(new LogResult(LogOutcome.Invalid, Errors: [new ValidationError(field, message)]));

    private sealed record Pending(Patient Patient, SessionSubmission Submission, DateTimeOffset Now, ScreeningTrigger Trigger)
    {
        public TaskCompletionSource<LogResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record VersionStart(Guid Id, Guid ProgramId, int Number, DateTime CreatedAt, DateOnly StartDate);

    private sealed record Accepted(SessionLog Session, Flag? Flag);

    private sealed record Decision(LogResult? Refused = null, Accepted? Accepted = null);
}
