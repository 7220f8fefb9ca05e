using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Data;

namespace Prescriber.Web.Features.Sessions;

/// <summary>The patient's own say over reminders: their times per program, and all reminders on or off.</summary>
public sealed class ReminderPreferences(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<(ExerciseProgram Program, IReadOnlyList<TimeOnly> Times, bool Own)>> ForAsync(Guid patientId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var programs = await db.Programs.AsNoTracking().Where(p => p.PatientId == patientId && p.Status != ProgramStatus.Ended).ToListAsync();
        var result = new List<(ExerciseProgram, IReadOnlyList<TimeOnly>, bool)>();
        foreach (var program in programs)
        {
            var version = await db.ProgramVersions.AsNoTracking().SingleAsync(v => v.ProgramId == program.Id && v.Number == program.CurrentVersion);
            result.Add((program, program.PatientReminderTimes ?? version.ReminderTimes, program.PatientReminderTimes is not null));
        }

        return result;
    }

    /// <summary>Saves the times typed for each program ("07:30, 18:00"; empty means the clinician's times) and the on/off switch.</summary>
    public async Task<IReadOnlyList<ValidationError>> SaveAsync(Guid patientId, bool remindersOn, IReadOnlyDictionary<Guid, string?> timesByProgram)
    {
        var errors = new List<ValidationError>();
        var parsed = new Dictionary<Guid, List<TimeOnly>?>();
        foreach (var (programId, text) in timesByProgram)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                parsed[programId] = null;
                continue;
            }

            var (times, bad) = ReminderTimesText.Parse(text);
            if (bad is not null)
            {
                errors.Add(new($"times[{programId}]", ReminderTimesText.Problem(bad)));
            }

            if (times.Count > ProgramRules.MaxReminders || times.Distinct().Count() != times.Count)
            {
                errors.Add(new($"times[{programId}]", $"give up to {ProgramRules.MaxReminders} different times"));
            }

            parsed[programId] = times;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var db = await contexts.CreateDbContextAsync();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        if (patient.RemindersOff == remindersOn)
        {
            patient.RemindersOff = !remindersOn;
            patient.RemindersOffAt = remindersOn ? null : time.GetUtcNow().UtcDateTime;
        }

        var programs = await db.Programs.Where(p => p.PatientId == patientId && parsed.Keys.Contains(p.Id)).ToListAsync();
        foreach (var program in programs)
        {
            program.PatientReminderTimes = parsed[program.Id];
        }

        await db.SaveChangesAsync();
        return [];
    }
}
