using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Data;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// The patient's own say over reminders: their times and days per program, a pause (a holiday),
/// and all reminders on or off.
/// </summary>
public sealed class ReminderPreferences(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    /// <summary>The longest pause: past it, turning reminders off says it better.</summary>
    public const int MaxPauseDays = 365;

    public async Task<IReadOnlyList<ProgramReminders>> ForAsync(Guid patientId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var programs = await db.Programs.AsNoTracking().Where(p => p.PatientId == patientId && p.Status != ProgramStatus.Ended).ToListAsync();
        var result = new List<ProgramReminders>();
        foreach (var program in programs)
        {
            var version = await db.ProgramVersions.AsNoTracking().SingleAsync(v => v.ProgramId == program.Id && v.Number == program.CurrentVersion);
            result.Add(new(program, program.PatientReminderTimes ?? version.ReminderTimes, program.PatientReminderTimes is not null, version.Days, version.Days.NarrowedTo(program.PatientReminderDays)));
        }

        return result;
    }

    /// <summary>
    /// Saves the times typed for each program ("07:30, 18:00"; empty means the clinician's times),
    /// the days ticked for each (all of the plan's days means the plan's), the pause (empty: none)
    /// and the on/off switch. Nothing is saved unless all of it is valid.
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> SaveAsync(
        Patient patient, bool remindersOn, IReadOnlyDictionary<Guid, string?> timesByProgram, IReadOnlyDictionary<Guid, WeekDays> daysByProgram, DateOnly? pausedUntil)
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

        var today = PatientTime.Today(time.GetUtcNow(), patient.TimeZone);
        if (pausedUntil is { } until && (until < today || until > today.AddDays(MaxPauseDays)))
        {
            errors.Add(new("pausedUntil", "choose a day from today to a year ahead, or leave it empty"));
        }

        await using var db = await contexts.CreateDbContextAsync();
        var programs = await db.Programs.Where(p => p.PatientId == patient.Id && p.Status != ProgramStatus.Ended).ToListAsync();
        var ids = programs.Select(p => p.Id).ToList();
        var planDays = await db.ProgramVersions.AsNoTracking()
            .Where(v => ids.Contains(v.ProgramId))
            .Select(v => new { v.ProgramId, v.Number, v.Days })
            .ToListAsync();
        var daysOf = programs.ToDictionary(p => p.Id, p => planDays.Single(v => v.ProgramId == p.Id && v.Number == p.CurrentVersion).Days);
        foreach (var (programId, days) in daysByProgram.Where(d => daysOf.ContainsKey(d.Key)))
        {
            if ((days & daysOf[programId]) == WeekDays.None)
            {
                errors.Add(new($"days[{programId}]", "tick at least one day, or turn reminders off above"));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var record = await db.Patients.SingleAsync(p => p.Id == patient.Id);
        if (record.RemindersOff == remindersOn)
        {
            record.RemindersOff = !remindersOn;
            record.RemindersOffAt = remindersOn ? null : time.GetUtcNow().UtcDateTime;
        }

        record.RemindersPausedUntil = pausedUntil;
        foreach (var program in programs)
        {
            if (parsed.TryGetValue(program.Id, out var times))
            {
                program.PatientReminderTimes = times;
            }

            if (daysByProgram.TryGetValue(program.Id, out var days))
            {
                // All of the plan's days is the plan's own choice: a later version's days then apply.
                var chosen = days & daysOf[program.Id];
                program.PatientReminderDays = chosen == daysOf[program.Id] ? null : chosen;
            }
        }

        await db.SaveChangesAsync();
        return [];
    }
}
