using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Flags;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;
using Prescriber.Data;
using Prescriber.Data.Clinics;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// Runs the flag rules (<see cref="FlagRules"/>) with the clinic's settings and stores what they
/// raise, unless the same kind and severity is already open for the patient: the worklist shows
/// a problem once, not once per session.
/// </summary>
public sealed class FlagRaiser(IDbContextFactory<AppDbContext> contexts, ClinicScope scope, TimeProvider time, FlagAlerts alerts)
{
    /// <summary>
    /// The rules for a session queued when it was logged (<see cref="QueuedFlagCheck"/>), with its
    /// clinic's settings (<see cref="FlagCheckJob"/> reads both for a whole batch). The rules read
    /// first; the queue row is then deleted in the same transaction as the flags are stored, so a
    /// second run, here or on another node, finds it gone and stores nothing, and a failed run
    /// leaves it queued. A session that raises nothing (most of them) only deletes its row.
    /// </summary>
    public async Task CheckQueuedAsync(SessionLog session, FlagSettings settings, CancellationToken cancellationToken = default)
    {
        // A job has no clinic: the session names it, and the rules then see only that clinic.
        scope.Enter(session.ClinicId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var drafts = await DraftsAsync(db, session, settings, cancellationToken);
        var claim = db.QueuedFlagChecks.Where(q => q.SessionId == session.Id);
        if (drafts.Count == 0 && !db.ChangeTracker.HasChanges())
        {
            await claim.ExecuteDeleteAsync(cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await claim.ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return;
        }

        await StoreAsync(db, session.ClinicId, session.PatientId, session.Id, drafts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What the rules raise for the session; a pain rule's line goes onto the session's screening flag (tracked, not saved).</summary>
    private static async Task<List<FlagDraft>> DraftsAsync(AppDbContext db, SessionLog session, FlagSettings settings, CancellationToken cancellationToken)
    {
        var since = session.LocalDate.AddDays(-14);
        var earlier = await db.SessionLogs.AsNoTracking()
            .Where(s => s.PatientId == session.PatientId && s.Id != session.Id && s.LocalDate >= since && s.LocalDate <= session.LocalDate)
            // The rules need two weeks of a patient's logs (a handful a day); the cap keeps a flood
            // of logs, real or scripted, from making every new log slower than the last.
            .OrderByDescending(s => s.LoggedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        var drafts = FlagRules.AfterSession(session, earlier, settings).ToList();
        if (drafts.Any(d => d.Kind is FlagKind.TooEasy or FlagKind.TooHard))
        {
            // The library's harder and easier exercises only name the suggestion of these two
            // flags: most sessions raise neither and skip the three queries.
            var (progression, regression) = await SuggestionsAsync(db, session.VersionId, cancellationToken);
            drafts = FlagRules.AfterSession(session, earlier, settings, progression, regression).ToList();
        }

        // The logging-time screening may already have flagged this session for its pain or words:
        // one session, one flag. A pain rule then raises that flag's severity and adds its line.
        // Only that flag: the rules run after the answer, so the checklist's own flag for the
        // session may already be there too. No screening, no such flag, no query.
        var screened = session.Screening == ScreeningState.NotNeeded
            ? null
            : await db.Flags.FirstOrDefaultAsync(f => f.SessionId == session.Id && (f.Kind == FlagKind.Pain || f.Kind == FlagKind.RedFlagWords), cancellationToken);
        if (screened is not null)
        {
            foreach (var pain in drafts.Where(d => d.Kind is FlagKind.PainHigh or FlagKind.PainRise).ToList())
            {
                screened.Severity = pain.Severity > screened.Severity ? pain.Severity : screened.Severity;
                var summary = $"{screened.Summary} {pain.Summary}";
                screened.Summary = summary.Length > 1000 ? summary[..1000] : summary;
                drafts.Remove(pain);
            }
        }

        return drafts;
    }

    /// <summary>The daily silence check over every clinic's active programs.</summary>
    public async Task SilenceAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();

        // A background job has no clinic: it looks across clinics on purpose, and writes each
        // flag with the clinic of its patient.
        var programs = await db.Programs.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status == ProgramStatus.Active)
            .Select(p => new { p.ClinicId, p.PatientId, Start = p.Versions.Min(v => v.StartDate) })
            .ToListAsync(cancellationToken);
        var settings = await db.Clinics.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.FlagSettings, cancellationToken);
        var zones = await db.Patients.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.TimeZone, cancellationToken);
        var lastLogs = await db.SessionLogs.IgnoreQueryFilters().AsNoTracking()
            .GroupBy(s => s.PatientId)
            .Select(g => new { PatientId = g.Key, Last = g.Max(s => s.LocalDate) })
            .ToDictionaryAsync(g => g.PatientId, g => g.Last, cancellationToken);
        foreach (var patient in programs.GroupBy(p => p.PatientId))
        {
            var first = patient.First();
            var today = PatientTime.Today(now, zones.GetValueOrDefault(patient.Key) ?? "UTC");
            var since = patient.Min(p => p.Start);
            if (since > today)
            {
                continue;
            }

            var last = lastLogs.TryGetValue(patient.Key, out var date) ? date : (DateOnly?)null;
            if (FlagRules.Silence(last, since, today, settings.GetValueOrDefault(first.ClinicId) ?? new()) is { } draft)
            {
                await StoreAsync(db, first.ClinicId, patient.Key, null, [draft], cancellationToken);
            }
        }
    }

    private async Task StoreAsync(AppDbContext db, Guid clinicId, Guid patientId, Guid? sessionId, List<FlagDraft> drafts, CancellationToken cancellationToken)
    {
        // Worth an email: a new urgent flag, or the session's screening flag that a pain rule
        // raised to urgent (pain 8 is a review at logging time, urgent once the clinic's rule runs).
        var news = db.ChangeTracker.Entries<Flag>()
            .Where(e => e.State == EntityState.Modified && e.OriginalValues.GetValue<ScreeningTier>(nameof(Flag.Severity)) < ScreeningTier.Urgent)
            .Select(e => e.Entity)
            .ToList();
        if (drafts.Count > 0)
        {
            var open = await db.Flags.IgnoreQueryFilters().AsNoTracking()
                .Where(f => f.PatientId == patientId && f.Status != FlagStatus.Resolved)
                .Select(f => new { f.Kind, f.Severity })
                .ToListAsync(cancellationToken);
            foreach (var draft in drafts.Where(d => !open.Any(o => o.Kind == d.Kind && o.Severity == d.Severity)))
            {
                var flag = new Flag
                {
                    ClinicId = clinicId,
                    PatientId = patientId,
                    SessionId = sessionId,
                    Kind = draft.Kind,
                    Severity = draft.Severity,
                    Summary = draft.Summary,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                };
                db.Flags.Add(flag);
                news.Add(flag);
            }
        }

        var alerted = 0;
        string? patientName = null;
        foreach (var flag in news.Where(FlagAlerts.Warrants))
        {
            // Read once, and only when a flag is worth an email.
            patientName ??= await db.Patients.IgnoreQueryFilters().Where(p => p.Id == patientId).Select(p => p.Name).FirstAsync(cancellationToken);
            alerted += await alerts.AddAsync(db, flag, patientName, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (alerted > 0)
        {
            alerts.SendSoon();
        }
    }

    /// <summary>The library's harder and easier exercises of the version, named for the flag's suggestion.</summary>
    private static async Task<(string? Progression, string? Regression)> SuggestionsAsync(AppDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        var ids = await db.PrescribedExercises.AsNoTracking().Where(e => e.VersionId == versionId).Select(e => e.ExerciseId).ToListAsync(cancellationToken);
        var exercises = await db.Exercises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var slugs = exercises.SelectMany(e => e.HarderSlugs.Concat(e.EasierSlugs)).Distinct().ToList();
        var names = await db.Exercises.AsNoTracking().Where(e => slugs.Contains(e.Slug)).ToDictionaryAsync(e => e.Slug, e => e.Name, cancellationToken);
        string? Describe(Func<Core.Library.Exercise, List<string>> links)
        {
            var pairs = exercises.Where(e => links(e).Count > 0 && names.ContainsKey(links(e)[0])).Select(e => $"{e.Name} -> {names[links(e)[0]]}").ToList();
            return pairs.Count == 0 ? null : string.Join(", ", pairs);
        }

        return (Describe(e => e.HarderSlugs), Describe(e => e.EasierSlugs));
    }
}
