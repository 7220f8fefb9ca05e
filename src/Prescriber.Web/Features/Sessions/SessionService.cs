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
    IDbContextFactory<AppDbContext> contexts, TimeProvider time, SessionIntake intake, Review.FlagAlerts alerts)
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

    /// <summary>
    /// Stores one submit as a session, or answers "already saved" for a key stored before. The
    /// work is done by <see cref="SessionIntake"/>, together with the other sessions arriving now.
    /// </summary>
    public Task<LogResult> LogAsync(Patient patient, SessionSubmission submission, CancellationToken cancellationToken = default) =>
        // Not cancelled with the caller: once handed in, the session is stored or refused whole,
        // and a retry with the same key finds it.
        intake.LogAsync(patient, submission, time.GetUtcNow()).WaitAsync(cancellationToken);

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
}
