using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Flags;
using Prescriber.Core.Patients;
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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var patients = db.Patients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
            // Runs as SQL lower(...) LIKE, as in PatientService.
#pragma warning disable CA1304, CA1311, CA1862
            patients = patients.Where(p => p.Name.ToLower().Contains(text) || p.NormalizedEmail.Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var list = await patients.ToListAsync(cancellationToken);
        var ids = list.Select(p => p.Id).ToList();

        // A patient's today is at most a day behind UTC's (UTC-12), so the 28-day window never
        // starts before UTC's today - 28.
        var histories = await LoadAsync(db, list, PatientHistory.Since(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), PatientHistory.MonthDays), cancellationToken);
        // The latest date per program is one step down the (ProgramId, LocalDate) index; grouping
        // every session of the clinic by patient read them all.
        var lastSessions = (await db.Programs.AsNoTracking().Where(p => ids.Contains(p.PatientId))
                .Select(p => new { p.PatientId, Last = db.SessionLogs.Where(s => s.ProgramId == p.Id).Max(s => (DateOnly?)s.LocalDate) })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.PatientId).ToDictionary(g => g.Key, g => g.Max(p => p.Last));
        var flags = (await db.Flags.AsNoTracking().Where(f => f.Status != FlagStatus.Resolved)
            .Select(f => new { f.PatientId, f.Severity }).ToListAsync(cancellationToken)).ToLookup(f => f.PatientId);

        var rows = list.Select(p =>
        {
            var history = histories[p.Id];
            var today = PatientTime.Today(now, p.TimeZone);
            var open = flags[p.Id].ToList();
            var (week, month) = history.Adherence(PatientHistory.Since(today, PatientHistory.RecentDays), PatientHistory.Since(today, PatientHistory.MonthDays), today, now);
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

    /// <summary>One patient's review, or null for an unknown (or another clinic's) id. The read is audited.</summary>
    public async Task<PatientReview?> PatientAsync(Guid patientId, string action = "review.read", CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        var histories = await LoadAsync(db, [patient], null, cancellationToken);
        var flags = await db.Flags.AsNoTracking().Where(f => f.PatientId == patientId).OrderByDescending(f => f.CreatedAt).ToListAsync(cancellationToken);
        audit.Add(db, action, patient.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new PatientReview(patient, histories[patient.Id], flags, PatientTime.Today(time.GetUtcNow(), patient.TimeZone));
    }

    /// <summary>Every patient of the clinic with their history, for the clinic exports. The read is audited once.</summary>
    public async Task<IReadOnlyList<(Patient Patient, PatientHistory History)>> ClinicAsync(string action, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patients = await db.Patients.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var histories = await LoadAsync(db, patients, null, cancellationToken);
        audit.Add(db, action, null, $"{patients.Count} patients");
        await db.SaveChangesAsync(cancellationToken);
        return patients.Select(p => (p, histories[p.Id])).ToList();
    }

    public DateTimeOffset Now => time.GetUtcNow();

    private static async Task<Dictionary<Guid, PatientHistory>> LoadAsync(AppDbContext db, List<Patient> patients, DateOnly? since, CancellationToken cancellationToken)
    {
        var patientIds = patients.Select(p => p.Id).ToList();
        // One patient (the review page, one patient's export) is a few hundred rows: a single
        // query each saves five round trips. A clinic's worth is split so that rows do not multiply.
        var single = patients.Count == 1;
        var programs = await Split(db.Programs.AsNoTracking()
                .Where(p => patientIds.Contains(p.PatientId))
                .Include(p => p.Versions.OrderBy(v => v.Number)).ThenInclude(v => v.Exercises.OrderBy(e => e.Order))
                .Include(p => p.Pauses), single)
            .ToListAsync(cancellationToken);
        var sessions = since is { } from
            ? await WindowAsync(db, programs.Select(p => p.Id).ToList(), from, cancellationToken)
            : await Split(db.SessionLogs.AsNoTracking()
                    .Where(s => patientIds.Contains(s.PatientId))
                    .Include(s => s.Entries)
                    .OrderBy(s => s.LocalDate).ThenBy(s => s.LoggedAt), single)
                .ToListAsync(cancellationToken);
        var programsBy = programs.ToLookup(p => p.PatientId);
        var sessionsBy = sessions.ToLookup(s => s.PatientId);
        return patients.ToDictionary(p => p.Id, p => new PatientHistory(p.Id, p.TimeZone, programsBy[p.Id].ToList(), sessionsBy[p.Id].ToList()));
    }

    private static IQueryable<T> Split<T>(IQueryable<T> query, bool single)
        where T : class => single ? query.AsSingleQuery() : query.AsSplitQuery();

    /// <summary>
    /// The programs' sessions since a date, with their entries, in two queries that follow the
    /// indexes: sessions by (ProgramId, LocalDate) (every session belongs to its patient's
    /// program), entries by their session. By patient, the database read each patient's whole
    /// year to keep a month, and sorted the month's entries with the split query's ordering.
    /// </summary>
    private static async Task<List<SessionLog>> WindowAsync(AppDbContext db, List<Guid> programIds, DateOnly from, CancellationToken cancellationToken)
    {
        var window = db.SessionLogs.AsNoTracking().Where(s => programIds.Contains(s.ProgramId) && s.LocalDate >= from);
        var sessions = await window.OrderBy(s => s.LocalDate).ThenBy(s => s.LoggedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var entries = (await db.SessionEntries.AsNoTracking().Where(e => window.Any(s => s.Id == e.SessionId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.SessionId);
        foreach (var session in sessions)
        {
            session.Entries = [.. entries[session.Id]];
        }

        return sessions;
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
