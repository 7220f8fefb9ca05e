using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Adherence;
using Prescriber.Core.Flags;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;
using Prescriber.Data;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// The clinician's review: "My patients" and one patient's history. Loads with a fixed number of
/// queries whatever the number of patients, then computes adherence with the one definition in
/// Core (docs/adherence.md).
/// </summary>
public sealed class ReviewService(IDbContextFactory<AppDbContext> contexts, AuditTrail audit, TimeProvider time)
{
    public async Task<(IReadOnlyList<MyPatientRow> Rows, int Total)> MyPatientsAsync(MyPatientsQuery query, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var found = await ReadAsync(db =>
        {
            var patients = db.Patients.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                var text = query.Text.Trim().ToLowerInvariant();
                // Runs as SQL lower(...) LIKE, as in PatientService.
#pragma warning disable CA1304, CA1311, CA1862
                patients = patients.Where(p => p.Name.ToLower().Contains(text) || p.NormalizedEmail.Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
            }

            // With their programs' ids, which the sessions' index starts with (the same round trip).
            return patients.Select(p => new { Patient = p, Programs = db.Programs.Where(x => x.PatientId == p.Id).Select(x => x.Id).ToList() })
                .ToListAsync(cancellationToken);
        }, cancellationToken);
        var list = found.Select(p => p.Patient).ToList();
        var ids = list.Select(p => p.Id).ToList();
        var programIds = found.SelectMany(p => p.Programs).ToList();

        // The sets below depend only on the patients, so each is read on its own context (its own
        // connection) at the same time: the database works on one while another is materialised.
        // A patient's today is at most a day behind UTC's (UTC-12), so the 28-day window never
        // starts before UTC's today - 28.
        var programs = ProgramsAsync(ids, false, cancellationToken);
        var sessions = WindowAsync(programIds, AdherenceWindow.Since(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), AdherenceWindow.MonthDays), cancellationToken);
        // The latest date per program is one step down the (ProgramId, LocalDate) index; grouping
        // every session of the clinic by patient read them all.
        var last = ReadAsync(db => db.Programs.AsNoTracking().Where(p => ids.Contains(p.PatientId))
            .Select(p => new { p.PatientId, Last = db.SessionLogs.Where(s => s.ProgramId == p.Id).Max(s => (DateOnly?)s.LocalDate) })
            .ToListAsync(cancellationToken), cancellationToken);
        var openFlags = ReadAsync(db => db.Flags.AsNoTracking().Where(f => f.Status != FlagStatus.Resolved)
            .Select(f => new { f.PatientId, f.Severity }).ToListAsync(cancellationToken), cancellationToken);
        await Task.WhenAll(programs, sessions, last, openFlags);

        var histories = Histories(list, await programs, await sessions);
        var lastSessions = (await last).GroupBy(p => p.PatientId).ToDictionary(g => g.Key, g => g.Max(p => p.Last));
        var flags = (await openFlags).ToLookup(f => f.PatientId);
        var rows = list.Select(p =>
        {
            var history = histories[p.Id];
            var today = PatientTime.Today(now, p.TimeZone);
            var open = flags[p.Id].ToList();
            var (week, month) = history.Adherence(AdherenceWindow.Since(today, AdherenceWindow.RecentDays), AdherenceWindow.Since(today, AdherenceWindow.MonthDays), today, now);
            return new MyPatientRow(
                p.Id, p.Name,
                week,
                month,
                lastSessions.GetValueOrDefault(p.Id),
                history.Trend(today),
                open.Count,
                open.Count > 0 ? open.Max(f => f.Severity) : null);
        });
        if (query.FlaggedOnly)
        {
            rows = rows.Where(r => r.OpenFlags > 0);
        }

        var sorted = Sort(rows, query.SortBy, query.Descending).ToList();
        return (sorted.Skip(query.Page * query.PageSize).Take(query.PageSize).ToList(), sorted.Count);
    }

    /// <summary>One patient's whole history, for the exports, or null for an unknown (or another clinic's) id. The read is audited.</summary>
    public async Task<PatientReview?> PatientAsync(Guid patientId, string action, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        // One patient is a few hundred rows: one query each (no split), on their own contexts at
        // the same time, while this one writes the audit row.
        List<Guid> ids = [patient.Id];
        var programs = ProgramsAsync(ids, true, cancellationToken);
        var sessions = ReadAsync(other => other.SessionLogs.AsNoTracking()
            .Where(s => s.PatientId == patientId)
            .Include(s => s.Entries)
            .OrderBy(s => s.LocalDate).ThenBy(s => s.LoggedAt)
            .AsSingleQuery()
            .ToListAsync(cancellationToken), cancellationToken);
        var flags = ReadAsync(other => other.Flags.AsNoTracking().Where(f => f.PatientId == patientId).OrderByDescending(f => f.CreatedAt)
            .ToListAsync(cancellationToken), cancellationToken);
        audit.Add(db, action, patient.Id);
        var saved = db.SaveChangesAsync(cancellationToken);
        await Task.WhenAll(programs, sessions, flags, saved);
        return new PatientReview(patient, Histories([patient], await programs, await sessions)[patient.Id], await flags, PatientTime.Today(time.GetUtcNow(), patient.TimeZone));
    }

    /// <summary>
    /// What the patient review page shows, or null for an unknown (or another clinic's) id. Reads
    /// only what is on the page (open flags, the heat map's weeks, the latest pain scores and
    /// notes), in queries at the same time on their own contexts while this one writes the audit row.
    /// </summary>
    public async Task<PatientReviewFigures?> PatientPageAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = PatientTime.Today(now, patient.TimeZone);
        var from = PatientReviewFigures.HeatMapStart(today);
        var programs = ProgramsAsync([patient.Id], true, cancellationToken);
        // By program and date, the sessions' index (every session belongs to its patient's program).
        var sessions = ReadAsync(other => other.SessionLogs.AsNoTracking()
            .Where(s => other.Programs.Where(p => p.PatientId == patientId).Select(p => p.Id).Contains(s.ProgramId) && s.LocalDate >= from)
            .Include(s => s.Entries)
            .OrderBy(s => s.LocalDate).ThenBy(s => s.LoggedAt)
            .AsSingleQuery()
            .ToListAsync(cancellationToken), cancellationToken);
        var pain = ReadAsync(other => other.SessionLogs.AsNoTracking()
            .Where(s => s.PatientId == patientId && (s.PainBefore != null || s.PainAfter != null))
            .OrderByDescending(s => s.LocalDate).ThenByDescending(s => s.LoggedAt).ThenByDescending(s => s.Id)
            .Take(PatientReviewFigures.PainPoints)
            .Select(s => new PainScore(s.LocalDate, s.PainBefore, s.PainAfter))
            .ToListAsync(cancellationToken), cancellationToken);
        var notes = ReadAsync(other => other.SessionLogs.AsNoTracking()
            .Where(s => s.PatientId == patientId && s.Note != null)
            .OrderByDescending(s => s.LocalDate).ThenBy(s => s.LoggedAt).ThenBy(s => s.Id)
            .Take(PatientReviewFigures.NoteCount)
            .Select(s => new SessionNote(s.LocalDate, s.Status, s.Note!))
            .ToListAsync(cancellationToken), cancellationToken);
        var flags = ReadAsync(other => other.Flags.AsNoTracking()
            .Where(f => f.PatientId == patientId && f.Status != FlagStatus.Resolved)
            .ToListAsync(cancellationToken), cancellationToken);
        audit.Add(db, "review.read", patient.Id);
        var saved = db.SaveChangesAsync(cancellationToken);
        await Task.WhenAll(programs, sessions, pain, notes, flags, saved);
        var scores = await pain;
        scores.Reverse();
        // Severity is stored as text: ordered by its meaning here, as on the worklist.
        var open = (await flags).OrderByDescending(f => f.Severity).ThenByDescending(f => f.CreatedAt).ToList();
        return PatientReviewFigures.Of(patient, await programs, await sessions, scores, await notes, open, today, now);
    }

    /// <summary>Every patient of the clinic with their history, for the clinic exports. The read is audited once.</summary>
    public async Task<IReadOnlyList<(Patient Patient, PatientHistory History)>> ClinicAsync(string action, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patients = await db.Patients.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var ids = patients.Select(p => p.Id).ToList();
        // A clinic's worth is split so that rows do not multiply.
        var programs = await Split(db.Programs.AsNoTracking().Where(p => ids.Contains(p.PatientId)), false).ToListAsync(cancellationToken);
        var sessions = await db.SessionLogs.AsNoTracking()
            .Where(s => ids.Contains(s.PatientId))
            .Include(s => s.Entries)
            .OrderBy(s => s.LocalDate).ThenBy(s => s.LoggedAt)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        audit.Add(db, action, null, $"{patients.Count} patients");
        await db.SaveChangesAsync(cancellationToken);
        var histories = Histories(patients, programs, sessions);
        return patients.Select(p => (p, histories[p.Id])).ToList();
    }

    public DateTimeOffset Now => time.GetUtcNow();

    private static Dictionary<Guid, PatientHistory> Histories(List<Patient> patients, List<ExerciseProgram> programs, List<SessionLog> sessions)
    {
        var programsBy = programs.ToLookup(p => p.PatientId);
        var sessionsBy = sessions.ToLookup(s => s.PatientId);
        return patients.ToDictionary(p => p.Id, p => new PatientHistory(p.Id, p.TimeZone, programsBy[p.Id].ToList(), sessionsBy[p.Id].ToList()));
    }

    /// <summary>Runs one read on a context of its own, so several can run at the same time.</summary>
    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await read(db);
    }

    /// <summary>The patients' programs with their versions (in order, with their exercises in order) and pauses.</summary>
    private Task<List<ExerciseProgram>> ProgramsAsync(List<Guid> patientIds, bool single, CancellationToken cancellationToken) =>
        ReadAsync(db => Split(db.Programs.AsNoTracking().Where(p => patientIds.Contains(p.PatientId)), single).ToListAsync(cancellationToken), cancellationToken);

    private static IQueryable<ExerciseProgram> Split(IQueryable<ExerciseProgram> programs, bool single)
    {
        var query = programs
            .Include(p => p.Versions.OrderBy(v => v.Number)).ThenInclude(v => v.Exercises.OrderBy(e => e.Order))
            .Include(p => p.Pauses);
        return single ? query.AsSingleQuery() : query.AsSplitQuery();
    }

    /// <summary>
    /// The programs' sessions since a date, with the entries of the partial ones, in two queries
    /// at the same time that follow the indexes: sessions by (ProgramId, LocalDate) (every session
    /// belongs to its patient's program), entries by their session. By patient, the database read
    /// each patient's whole year to keep a month, and sorted the month's entries with the split
    /// query's ordering; joined to the programs, it read every session and entry of the clinic.
    /// </summary>
    private async Task<List<SessionLog>> WindowAsync(List<Guid> programIds, DateOnly from, CancellationToken cancellationToken)
    {
        IQueryable<SessionLog> Window(AppDbContext db) => db.SessionLogs.Where(s => programIds.Contains(s.ProgramId) && s.LocalDate >= from);

        var sessions = ReadAsync(db => Window(db).AsNoTracking().OrderBy(s => s.LocalDate).ThenBy(s => s.LoggedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken), cancellationToken);
        // My patients shows session adherence, where a completed session counts 1 and a skipped
        // one 0 whatever its entries; only a partial session's credit (its mean dose fraction)
        // needs them. So only those entries are read (about a tenth of them), and only what the
        // calculator reads of them: no tracking, no clinic column. The other sessions' entries
        // stay empty, which leaves their dose credit, never shown here, at 1 or 0.
        var entries = ReadAsync(db =>
        {
            var window = Window(db);
            return db.SessionEntries.AsNoTracking().Where(e => window.Any(s => s.Id == e.SessionId && s.Status == SessionStatus.Partial))
            .Select(e => new SessionEntry
            {
                Id = e.Id,
                SessionId = e.SessionId,
                PrescribedExerciseId = e.PrescribedExerciseId,
                Outcome = e.Outcome,
                SetsDone = e.SetsDone,
                RepsDone = e.RepsDone,
                SkipReason = e.SkipReason,
            })
            .ToListAsync(cancellationToken);
        }, cancellationToken);
        var bySession = (await entries).ToLookup(e => e.SessionId);
        var list = await sessions;
        foreach (var session in list)
        {
            session.Entries = [.. bySession[session.Id]];
        }

        return list;
    }

    private static IEnumerable<MyPatientRow> Sort(IEnumerable<MyPatientRow> rows, string? by, bool descending)
    {
        Func<MyPatientRow, object?> key = by switch
        {
            nameof(MyPatientRow.Adherence7) => r => r.Adherence7 ?? -1,
            nameof(MyPatientRow.Adherence28) => r => r.Adherence28 ?? -1,
            nameof(MyPatientRow.LastSession) => r => r.LastSession ?? DateOnly.MinValue,
            nameof(MyPatientRow.PainTrend) => r => r.PainTrend,
            nameof(MyPatientRow.OpenFlags) => r => r.OpenFlags,
            nameof(MyPatientRow.Name) => r => r.Name,
            // Who needs me today: most severe open flag first, then the least adherent.
            _ => r => (r.TopSeverity.HasValue ? 10 - (int)r.TopSeverity.Value : 20) * 1000 + (r.Adherence7 ?? 100),
        };
        return descending ? rows.OrderByDescending(key).ThenBy(r => r.Name, StringComparer.Ordinal) : rows.OrderBy(key).ThenBy(r => r.Name, StringComparer.Ordinal);
    }
}
