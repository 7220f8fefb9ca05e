using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Adherence;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;
using Prescriber.Data;

namespace Prescriber.Web.Features.Sessions;

/// <summary>The patient's own look back: the same adherence definition the clinician sees, over their latest program.</summary>
public sealed class HistoryService(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public async Task<HistoryView?> ForAsync(Patient patient, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var program = await db.Programs.AsNoTracking()
            .Where(p => p.PatientId == patient.Id)
            .OrderBy(p => p.Status == ProgramStatus.Ended).ThenByDescending(p => p.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (program is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = PatientTime.Today(now, patient.TimeZone);
        var from = AdherenceWindow.Since(today, AdherenceWindow.MonthDays);
        var versions = await db.ProgramVersions.AsNoTracking().Include(v => v.Exercises)
            .Where(v => v.ProgramId == program.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var pauses = await db.ProgramPauses.AsNoTracking().Where(p => p.ProgramId == program.Id).ToListAsync(cancellationToken);
        var sessions = await db.SessionLogs.AsNoTracking().Include(s => s.Entries)
            .Where(s => s.ProgramId == program.Id && s.LocalDate >= from)
            .OrderBy(s => s.LocalDate).ThenBy(s => s.LoggedAt)
            .ToListAsync(cancellationToken);

        AdherenceReport Report(DateOnly start) => AdherenceCalculator.Compute(new AdherenceInput
        {
            Versions = versions,
            Pauses = pauses,
            TimeZone = patient.TimeZone,
            Sessions = sessions,
            From = start,
            To = today,
            Now = now,
        });

        return new HistoryView(program, Report(AdherenceWindow.Since(today, AdherenceWindow.RecentDays)), Report(from), sessions);
    }
}
