using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Notifications;

namespace Prescriber.Web.Features.Programs;

/// <summary>
/// Assigning and adjusting programs. Every adjustment appends a version; nothing here rewrites
/// one. Two clinicians saving from the same revision: the second is told, and keeps their edits.
/// Every new version emails the patient their plan, queued in the same save as the version.
/// </summary>
public sealed class ProgramService(
    IDbContextFactory<AppDbContext> contexts,
    ClinicScope scope,
    TimeProvider time,
    PlanEmails planEmails,
    OutboxDispatchTrigger dispatch,
    Review.AuditTrail audit)
{
    public async Task<IReadOnlyList<ExerciseProgram>> ListForPatientAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var programs = await db.Programs.AsNoTracking()
            .Where(p => p.PatientId == patientId)
            .OrderBy(p => p.Status).ThenByDescending(p => p.UpdatedAt)
            .ToListAsync(cancellationToken);
        // Only the version in force of each program: the list shows what the patient does now.
        var current = await db.ProgramVersions.AsNoTracking()
            .Where(v => db.Programs.Any(p => p.Id == v.ProgramId && p.PatientId == patientId && p.CurrentVersion == v.Number))
            .Include(v => v.Exercises.OrderBy(e => e.Order))
            .ToDictionaryAsync(v => v.ProgramId, cancellationToken);
        programs.ForEach(p => p.Versions = current.TryGetValue(p.Id, out var v) ? [v] : []);
        return programs;
    }

    /// <summary>The program with every version and pause, for its page and the builder.</summary>
    public async Task<ExerciseProgram?> FindAsync(Guid programId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var program = await db.Programs.AsNoTracking().AsSplitQuery()
            .Include(p => p.Versions).ThenInclude(v => v.Exercises)
            .Include(p => p.Pauses)
            .FirstOrDefaultAsync(p => p.Id == programId, cancellationToken);
        if (program is not null)
        {
            program.Versions = [.. program.Versions.OrderBy(v => v.Number)];
            program.Versions.ForEach(v => v.Exercises = [.. v.Exercises.OrderBy(e => e.Order)]);
        }

        return program;
    }

    public async Task<SaveResult<ExerciseProgram>> AssignAsync(Guid patientId, ProgramDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return SaveResult<ExerciseProgram>.NotFound;
        }

        var (version, errors) = await BuildVersionAsync(db, patient.ClinicId, draft, previous: null, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult<ExerciseProgram>.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var program = new ExerciseProgram
        {
            ClinicId = patient.ClinicId,
            PatientId = patient.Id,
            Name = draft.Name.Trim(),
            CurrentVersion = 1,
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        version!.Number = 1;
        version.ProgramId = program.Id;
        program.Versions.Add(version);
        db.Programs.Add(program);
        audit.Add(db, "program.assign", patient.Id, $"{program.Name}, version 1");
        await planEmails.EnqueueAsync(db, patient, program, version, previous: null, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        dispatch.DispatchSoon();
        return SaveResult<ExerciseProgram>.Saved(program);
    }

    /// <summary>Saves the draft as the next version, if nobody saved since <see cref="ProgramDraft.Revision"/>.</summary>
    public async Task<SaveResult<ExerciseProgram>> AdjustAsync(Guid programId, ProgramDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == programId, cancellationToken);
        if (program is null)
        {
            return SaveResult<ExerciseProgram>.NotFound;
        }

        if (draft.Revision is null)
        {
            return SaveResult<ExerciseProgram>.Invalid("revision", "is required: send the revision the edit started from");
        }

        if (draft.Revision != program.Revision)
        {
            return SaveResult<ExerciseProgram>.Conflict;
        }

        if (program.Status == ProgramStatus.Ended)
        {
            return SaveResult<ExerciseProgram>.Invalid("status", "this program has ended; start a new one instead");
        }

        var current = await db.ProgramVersions.AsNoTracking().Include(v => v.Exercises)
            .SingleAsync(v => v.ProgramId == program.Id && v.Number == program.CurrentVersion, cancellationToken);
        var (version, errors) = await BuildVersionAsync(db, program.ClinicId, draft, current, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult<ExerciseProgram>.Invalid(errors);
        }

        version!.Number = program.CurrentVersion + 1;
        version.ProgramId = program.Id;
        db.ProgramVersions.Add(version);
        program.CurrentVersion = version.Number;
        program.Name = draft.Name.Trim();
        program.Revision++;
        program.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == program.PatientId, cancellationToken);
        audit.Add(db, "program.adjust", patient.Id, $"{program.Name}, version {version.Number}");
        await planEmails.EnqueueAsync(db, patient, program, version, current, program.UpdatedAt, cancellationToken);
        var saved = await SaveAsync(db, program, cancellationToken);
        if (saved.Outcome == SaveOutcome.Saved)
        {
            dispatch.DispatchSoon();
        }

        return saved;
    }

    public async Task<SaveResult<IReadOnlyList<ProgramChange>>> CompareAsync(Guid programId, int from, int to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await db.ProgramVersions.AsNoTracking()
            .Where(v => v.ProgramId == programId && (v.Number == from || v.Number == to))
            .Include(v => v.Exercises)
            .ToListAsync(cancellationToken);
        var older = versions.FirstOrDefault(v => v.Number == from);
        var newer = versions.FirstOrDefault(v => v.Number == to);
        return older is null || newer is null
            ? SaveResult<IReadOnlyList<ProgramChange>>.NotFound
            : SaveResult<IReadOnlyList<ProgramChange>>.Saved(ProgramDiff.Compare(older, newer));
    }

    public Task<SaveResult<ExerciseProgram>> PauseAsync(Guid programId, string? reason, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(programId, (program, today, db) =>
        {
            if (program.Status != ProgramStatus.Active)
            {
                return "only an active program can be paused";
            }

            program.Status = ProgramStatus.Paused;
            db.ProgramPauses.Add(new ProgramPause { ClinicId = program.ClinicId, ProgramId = program.Id, From = today, Reason = reason?.Trim() });
            return null;
        }, cancellationToken);

    public Task<SaveResult<ExerciseProgram>> ResumeAsync(Guid programId, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(programId, (program, today, db) =>
        {
            if (program.Status != ProgramStatus.Paused)
            {
                return "only a paused program can be resumed";
            }

            program.Status = ProgramStatus.Active;
            ClosePause(program, today, db);
            return null;
        }, cancellationToken);

    public Task<SaveResult<ExerciseProgram>> EndAsync(Guid programId, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(programId, (program, today, db) =>
        {
            if (program.Status == ProgramStatus.Ended)
            {
                return "this program has already ended";
            }

            program.Status = ProgramStatus.Ended;
            ClosePause(program, today, db);
            return null;
        }, cancellationToken);

    private async Task<SaveResult<ExerciseProgram>> ChangeStatusAsync(
        Guid programId, Func<ExerciseProgram, DateOnly, AppDbContext, string?> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var program = await db.Programs.Include(p => p.Pauses).FirstOrDefaultAsync(p => p.Id == programId, cancellationToken);
        if (program is null)
        {
            return SaveResult<ExerciseProgram>.NotFound;
        }

        var timeZone = await db.Patients.Where(p => p.Id == program.PatientId).Select(p => p.TimeZone).SingleAsync(cancellationToken);
        var problem = change(program, PatientTime.Today(time.GetUtcNow(), timeZone), db);
        if (problem is not null)
        {
            return SaveResult<ExerciseProgram>.Invalid("status", problem);
        }

        program.Revision++;
        program.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(db, "program.status", program.PatientId, $"{program.Name}: {program.Status}");
        return await SaveAsync(db, program, cancellationToken);
    }

    /// <summary>The patient is back on the program from today; a pause shorter than a day leaves no trace.</summary>
    private static void ClosePause(ExerciseProgram program, DateOnly today, AppDbContext db)
    {
        foreach (var pause in program.Pauses.Where(p => p.To is null))
        {
            var lastPausedDay = today.AddDays(-1);
            if (lastPausedDay < pause.From)
            {
                db.ProgramPauses.Remove(pause);
            }
            else
            {
                pause.To = lastPausedDay;
            }
        }
    }

    private async Task<(ProgramVersion? Version, List<ValidationError> Errors)> BuildVersionAsync(
        AppDbContext db, Guid clinicId, ProgramDraft draft, ProgramVersion? previous, CancellationToken cancellationToken)
    {
        var errors = ProgramRules.Validate(draft).ToList();
        var ids = draft.Exercises.Select(e => e.ExerciseId).Distinct().ToList();
        var exercises = await db.Exercises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var kept = previous?.Exercises.Select(e => e.ExerciseId).ToHashSet() ?? [];

        for (var i = 0; i < draft.Exercises.Count; i++)
        {
            var item = draft.Exercises[i];
            if (!exercises.TryGetValue(item.ExerciseId, out var exercise))
            {
                errors.Add(new($"exercises[{i}].exerciseId", "is not an exercise of this clinic's library"));
                continue;
            }

            if (exercise.Status == ExerciseStatus.Retired && !kept.Contains(exercise.Id))
            {
                errors.Add(new($"exercises[{i}].exerciseId", $"{exercise.Name} is retired and cannot be added anew"));
            }

            if (item.Level is { Length: > 0 } level && exercise.Levels.All(l => l.Name != level))
            {
                errors.Add(new($"exercises[{i}].level", $"{exercise.Name} has no level called '{level}'"));
            }

            if (item.Substitute is { Length: > 0 } substitute && !exercise.Equipment.SelectMany(q => q.Substitutes).Contains(substitute))
            {
                errors.Add(new($"exercises[{i}].substitute", $"'{substitute}' is not a listed substitute for {exercise.Name}"));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var version = new ProgramVersion
        {
            ClinicId = clinicId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = scope.UserId ?? "",
            Note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim(),
            TimesPerDay = draft.TimesPerDay,
            Days = draft.Days,
            StartDate = draft.StartDate,
            EndDate = draft.EndDate,
            ReminderTimes = [.. draft.ReminderTimes.Order()],
            Exercises = draft.Exercises.Select((item, order) => new PrescribedExercise
            {
                ClinicId = clinicId,
                Order = order,
                ExerciseId = item.ExerciseId,
                ExerciseName = exercises[item.ExerciseId].Name,
                Dosage = item.ToDosage(),
                Side = item.Side,
                Level = string.IsNullOrWhiteSpace(item.Level) ? null : item.Level,
                Substitute = string.IsNullOrWhiteSpace(item.Substitute) ? null : item.Substitute,
                Notes = string.IsNullOrWhiteSpace(item.Notes) ? null : item.Notes.Trim(),
            }).ToList(),
        };
        return (version, errors);
    }

    private static async Task<SaveResult<ExerciseProgram>> SaveAsync(AppDbContext db, ExerciseProgram program, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult<ExerciseProgram>.Saved(program);
        }
        catch (DbUpdateException)
        {
            // The revision token or the unique version number caught a save that raced ours.
            return SaveResult<ExerciseProgram>.Conflict;
        }
    }
}
