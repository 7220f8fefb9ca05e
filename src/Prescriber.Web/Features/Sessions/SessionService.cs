using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Flags;
using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;
using Prescriber.Data;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// The patient's side of the loop: what to do today, storing what was done, and the safety
/// checklist. One submit stores the whole session; the same idempotency key stores it once.
/// Callers pass a patient that <see cref="PatientAccess"/> let in.
/// </summary>
public sealed class SessionService(
    IDbContextFactory<AppDbContext> contexts, TimeProvider time, AppDbContext requestDb, VersionCache versions, Review.FlagCheckSignal flagChecks, Review.FlagAlerts alerts)
{
    public async Task<TodayView?> TodayAsync(Patient patient, Guid? programId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var program = await db.Programs.AsNoTracking()
            .Where(p => p.PatientId == patient.Id && p.Status != ProgramStatus.Ended && (programId == null || p.Id == programId))
            .OrderBy(p => p.Status).ThenByDescending(p => p.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (program is null)
        {
            return null;
        }

        var version = await db.ProgramVersions.AsNoTracking().Include(v => v.Exercises.OrderBy(e => e.Order))
            .SingleAsync(v => v.ProgramId == program.Id && v.Number == program.CurrentVersion, cancellationToken);
        var ids = version.Exercises.Select(e => e.ExerciseId).ToList();
        var exercises = await db.Exercises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        // Only the days the plan had begun by (as LogAsync judges it: the first version was made or
        // started by then): offering an earlier day would only get the whole log refused.
        var zone = PatientTime.Zone(patient.TimeZone);
        var first = await db.ProgramVersions.AsNoTracking()
            .Where(v => v.ProgramId == program.Id && v.Number == 1)
            .Select(v => new { v.CreatedAt, v.StartDate })
            .SingleAsync(cancellationToken);
        var made = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(first.CreatedAt, DateTimeKind.Utc), zone));
        var begun = made < first.StartDate ? made : first.StartDate;
        var dates = SessionRules.LoggableDates(time.GetUtcNow(), zone).Where(d => d >= begun).ToList();
        var earliest = dates.DefaultIfEmpty(begun).Min();
        var recent = await db.SessionLogs.AsNoTracking()
            .Where(s => s.ProgramId == program.Id && s.LocalDate >= earliest)
            .OrderByDescending(s => s.LoggedAt)
            .ToListAsync(cancellationToken);
        return new TodayView(patient, program, version, exercises, dates, recent);
    }

    public async Task<LogResult> LogAsync(Patient patient, SessionSubmission submission, CancellationToken cancellationToken = default)
    {
        // The request's own context (the one PatientAccess read the patient with): a log is one
        // short unit of work on the statically rendered page or the API, never a live circuit.
        var db = requestDb;

        var now = time.GetUtcNow();
        var zone = PatientTime.Zone(patient.TimeZone);
        var dates = SessionRules.LoggableDates(now, zone);
        var date = submission.Date ?? dates[0];
        var endOfDay = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var endOfDayUtc = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay)).UtcDateTime;

        // One round trip for the program, an earlier session with the same key and the version in
        // force that day (a late log is judged against what was prescribed then): this runs on
        // every log, and each trip to the database costs more than the rest of the request.
        var key = submission.IdempotencyKey;
        var hasKey = !string.IsNullOrEmpty(key);
        var found = await db.Programs.AsNoTracking()
            .Where(p => p.Id == submission.ProgramId)
            .Select(p => new
            {
                Program = p,
                Earlier = db.SessionLogs.Where(s => hasKey && s.PatientId == patient.Id && s.IdempotencyKey == key).Select(s => (Guid?)s.Id).FirstOrDefault(),
                VersionId = p.Versions
                    .Where(v => v.CreatedAt < endOfDayUtc || (v.Number == 1 && v.StartDate <= date))
                    .OrderByDescending(v => v.CreatedAt < endOfDayUtc).ThenByDescending(v => v.Number)
                    .Select(v => (Guid?)v.Id).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var earlierId = found is null ? (await FindByKeyAsync(db, patient.Id, key, cancellationToken))?.Id : found.Earlier;
        if (earlierId is { } id)
        {
            // A double tap or a retry: rare, so the stored session is read on its own.
            return new LogResult(LogOutcome.AlreadySaved, await db.SessionLogs.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken));
        }

        var program = found?.Program;
        if (program is null)
        {
            // Unknown here, or another clinic's: the same answer, so ids cannot be probed.
            return Invalid("programId", "is not a plan of yours");
        }

        if (program.PatientId != patient.Id)
        {
            return new LogResult(LogOutcome.Forbidden);
        }

        if (!dates.Contains(date))
        {
            return Invalid("date", "can be today or a day that ended less than 48 hours ago");
        }

        if (program.Status == ProgramStatus.Ended)
        {
            return Invalid("programId", "this plan has ended; your clinician can give you a new one");
        }

        if (found!.VersionId is not { } versionId)
        {
            return Invalid("date", "your plan had not started on that day");
        }

        var version = await versions.GetAsync(db, versionId, cancellationToken);
        var prescribed = version.Exercises.ToDictionary(e => e.Id);
        var errors = SessionSubmissionRules.Validate(submission, prescribed.Keys.ToHashSet());
        if (errors.Count > 0)
        {
            return new LogResult(LogOutcome.Invalid, Errors: errors);
        }

        var session = BuildSession(patient, program, version, date, dates[0], submission, prescribed, now.UtcDateTime);
        var alerted = false;
        var trigger = ScreeningTrigger.Evaluate(submission.PainBefore, submission.PainAfter, submission.Note);
        if (trigger.Needed)
        {
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
            db.Flags.Add(flag);
            alerted = await alerts.AddAsync(db, flag, patient.Name, cancellationToken) > 0;
        }

        db.SessionLogs.Add(session);
        // The clinic's flag rules (high or rising pain, too easy, too hard) run after the answer,
        // from a queue row saved with the session: a crash or restart cannot lose the check.
        db.QueuedFlagChecks.Add(new QueuedFlagCheck { SessionId = session.Id, QueuedAt = now.UtcDateTime });
        var transactions = db.Database.AutoTransactionBehavior;
        if (db.Database.ProviderName == NpgsqlProvider)
        {
            // PostgreSQL runs the statements of one batch in an implicit transaction, so all of
            // them or none are stored without BEGIN and COMMIT, which would cost a round trip
            // of their own. A session's few rows stay far below a batch's size limit.
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Nothing of this attempt stays tracked in the request's context.
            db.ChangeTracker.Clear();

            // Two copies of one submit raced; the unique key let one in. That one is the answer.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            if (await FindByKeyAsync(fresh, patient.Id, submission.IdempotencyKey, cancellationToken) is { } raced)
            {
                return new LogResult(LogOutcome.AlreadySaved, raced);
            }

            throw;
        }
        finally
        {
            db.Database.AutoTransactionBehavior = transactions;
        }

        flagChecks.Nudge();
        if (alerted)
        {
            alerts.SendSoon();
        }

        return new LogResult(LogOutcome.Saved, session, Trigger: trigger);
    }

    /// <summary>
    /// Records the checklist answers of a session; any yes reaches the clinician as a flag of its
    /// tier. Answering again returns the same result and adds nothing.
    /// </summary>
    public async Task<ScreeningResult?> AnswerAsync(Patient patient, Guid sessionId, IReadOnlySet<int> yes, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.SessionLogs.FirstOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patient.Id, cancellationToken);
        if (session is null || session.Screening == ScreeningState.NotNeeded)
        {
            return null;
        }

        if (session.Screening == ScreeningState.Answered)
        {
            return new ScreeningResult(session.ScreeningTier, SafetyChecklist.MessageFor(session.ScreeningTier, session.Note), session.LocalDate, session.Status);
        }

        var valid = yes.Where(n => SafetyChecklist.Questions.Any(q => q.Number == n)).ToHashSet();
        var alerted = false;
        var tier = SafetyChecklist.Decide(valid, session.ScreeningTier);
        session.Screening = ScreeningState.Answered;
        session.ScreeningTier = tier;
        session.RedFlagYes = valid.Aggregate(0, (bits, n) => bits | (1 << (n - 1)));
        if (valid.Count > 0)
        {
            var questions = SafetyChecklist.Questions.Where(q => valid.Contains(q.Number)).Select(q => $"{q.Number}. {q.Text}");
            var flag = new Flag
            {
                ClinicId = session.ClinicId,
                PatientId = patient.Id,
                SessionId = session.Id,
                Kind = FlagKind.RedFlagAnswer,
                Severity = tier,
                Summary = $"Answered yes to: {string.Join(" ", questions)}",
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.Flags.Add(flag);
            alerted = await alerts.AddAsync(db, flag, patient.Name, cancellationToken) > 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (alerted)
        {
            alerts.SendSoon();
        }

        return new ScreeningResult(tier, SafetyChecklist.MessageFor(tier, session.Note), session.LocalDate, session.Status);
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

    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static LogResult Invalid(string field, string message) => new(LogOutcome.Invalid, Errors: [new ValidationError(field, message)]);

    private static Task<SessionLog?> FindByKeyAsync(AppDbContext db, Guid patientId, string? key, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(key)
            ? Task.FromResult<SessionLog?>(null)
            : db.SessionLogs.AsNoTracking().FirstOrDefaultAsync(s => s.PatientId == patientId && s.IdempotencyKey == key, cancellationToken);
}
