using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Core.Adherence;

/// <summary>
/// The one definition of adherence (docs/adherence.md, clinical-reference.md section 2). Pure: the
/// same input always gives the same report, so pages, exports and the digest agree.
/// </summary>
public static class AdherenceCalculator
{
    public const double AdherentFrom = 80;
    public const double PartialFrom = 50;

    public static AdherenceBand BandOf(double percent) => percent switch
    {
        >= AdherentFrom => AdherenceBand.Adherent,
        >= PartialFrom => AdherenceBand.Partial,
        _ => AdherenceBand.NonAdherent,
    };

    public static AdherenceReport Compute(AdherenceInput input)
    {
        var zone = PatientTime.Zone(input.TimeZone);
        var today = PatientTime.Today(input.Now, input.TimeZone);
        var versions = input.Versions
            .Select(v => (Version: v, From: EffectiveStart(v, zone)))
            .OrderBy(v => v.Version.Number)
            .ToList();
        var prescribed = input.Versions.SelectMany(v => v.Exercises).ToDictionary(e => e.Id);
        var logsByDay = input.Sessions
            .Where(s => s.LocalDate >= input.From && s.LocalDate <= input.To)
            .GroupBy(s => s.LocalDate)
            .ToDictionary(g => g.Key, g => g.ToList());
        var exercises = new Dictionary<Guid, ExerciseTally>();

        var days = new List<AdherenceDay>();
        for (var date = input.From; date <= input.To; date = date.AddDays(1))
        {
            var version = versions.Where(v => v.From <= date).Select(v => v.Version).LastOrDefault();
            var logs = logsByDay.GetValueOrDefault(date) ?? [];
            days.Add(ComputeDay(date, today, version, input.Pauses, logs, prescribed, exercises));
        }

        return new AdherenceReport
        {
            Days = days,
            Exercises = exercises.Values.Select(t => t.ToResult()).OrderBy(e => e.Name, StringComparer.Ordinal).ToList(),
            Prescribed = days.Sum(d => d.Prescribed),
            Completed = days.Sum(d => d.Completed),
            Partial = days.Sum(d => d.Partial),
            Skipped = days.Sum(d => d.Skipped),
            Missed = days.Sum(d => d.Missed),
            Extra = days.Sum(d => d.Extra),
            SessionCredit = days.Sum(d => d.SessionCredit),
            DoseCredit = days.Sum(d => d.DoseCredit),
            SkipReasons = days.SelectMany(d => d.SkipReasons)
                .GroupBy(r => r.Key)
                .ToDictionary(g => g.Key, g => g.Sum(r => r.Value)),
        };
    }

    /// <summary>
    /// A version rules from its start date, but never before the patient's local day it was made
    /// on: a back-dated version must not rewrite what was prescribed on days already past.
    /// </summary>
    private static DateOnly EffectiveStart(ProgramVersion version, TimeZoneInfo zone)
    {
        if (version.CreatedAt == default)
        {
            return version.StartDate;
        }

        var created = new DateTimeOffset(DateTime.SpecifyKind(version.CreatedAt, DateTimeKind.Utc));
        var createdDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(created, zone).DateTime);
        return createdDay > version.StartDate ? createdDay : version.StartDate;
    }

    private static AdherenceDay ComputeDay(
        DateOnly date,
        DateOnly today,
        ProgramVersion? version,
        IReadOnlyList<ProgramPause> pauses,
        List<SessionLog> logs,
        Dictionary<Guid, PrescribedExercise> prescribed,
        Dictionary<Guid, ExerciseTally> exercises)
    {
        var paused = pauses.Any(p => p.From <= date && (p.To is null || date <= p.To));
        var inForce = version is not null && (version.EndDate is null || date <= version.EndDate) && version.Days.Includes(date);
        var scheduled = inForce && !paused ? version!.TimesPerDay : 0;

        // A day counts once it has ended in the patient's zone; today counts only the sessions
        // already logged, so nobody is marked missed at breakfast.
        var slots = date < today ? scheduled : date == today ? Math.Min(scheduled, logs.Count) : 0;

        // The best logs fill the slots; any more are extras (capped at 100% a day).
        var scored = logs
            .Select(log => (Log: log, Credit: Credit(log, prescribed)))
            .OrderByDescending(s => s.Credit.Session)
            .ThenByDescending(s => s.Credit.Dose)
            .ThenBy(s => s.Log.LoggedAt)
            .ToList();
        var counted = date <= today ? scored.Take(slots).ToList() : [];

        if (slots > 0)
        {
            foreach (var exercise in version!.Exercises)
            {
                Tally(exercises, exercise).Prescribed += slots;
            }
        }

        var reasons = new Dictionary<SkipReason, int>();
        foreach (var (log, _) in counted)
        {
            foreach (var entry in log.Entries)
            {
                if (entry is { Outcome: EntryOutcome.Skipped, SkipReason: { } reason })
                {
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                }

                if (prescribed.TryGetValue(entry.PrescribedExerciseId, out var exercise))
                {
                    var tally = Tally(exercises, exercise);
                    tally.DoseCredit += SessionRules.DoseFraction(entry, exercise);
                    if (entry is { Outcome: EntryOutcome.Skipped, SkipReason: { } skip })
                    {
                        tally.SkipReasons[skip] = tally.SkipReasons.GetValueOrDefault(skip) + 1;
                    }
                }
            }
        }

        var day = new AdherenceDay
        {
            Date = date,
            State = DayState.NotPrescribed,
            VersionNumber = version?.Number,
            Scheduled = scheduled,
            Prescribed = slots,
            Completed = counted.Count(s => s.Log.Status == SessionStatus.Completed),
            Partial = counted.Count(s => s.Log.Status == SessionStatus.Partial),
            Skipped = counted.Count(s => s.Log.Status == SessionStatus.Skipped),
            Missed = slots - counted.Count,
            Extra = date <= today ? logs.Count - counted.Count : 0,
            SessionCredit = counted.Sum(s => s.Credit.Session),
            DoseCredit = counted.Sum(s => s.Credit.Dose),
            SkipReasons = reasons,
        };
        return day with { State = StateOf(day, date, today, paused) };
    }

    private static DayState StateOf(AdherenceDay day, DateOnly date, DateOnly today, bool paused)
    {
        if (day.Scheduled == 0)
        {
            return paused ? DayState.Paused : date > today ? DayState.Pending : DayState.NotPrescribed;
        }

        if (day.Prescribed == 0)
        {
            return DayState.Pending;
        }

        if (day.Completed == day.Scheduled)
        {
            return DayState.Completed;
        }

        if (day.SessionCredit > 0)
        {
            return DayState.Partial;
        }

        return day.Skipped > 0 ? DayState.Skipped : DayState.Missed;
    }

    /// <summary>Session credit: completed 1, partial the mean dose fraction, skipped 0; dose credit: the mean dose fraction.</summary>
    private static (double Session, double Dose) Credit(SessionLog log, Dictionary<Guid, PrescribedExercise> prescribed)
    {
        var fractions = log.Entries
            .Where(e => prescribed.ContainsKey(e.PrescribedExerciseId))
            .Select(e => SessionRules.DoseFraction(e, prescribed[e.PrescribedExerciseId]))
            .ToList();
        var dose = fractions.Count > 0 ? fractions.Average() : log.Status == SessionStatus.Completed ? 1 : 0;
        var session = log.Status switch
        {
            SessionStatus.Completed => 1,
            SessionStatus.Partial => dose,
            _ => 0,
        };
        return (session, dose);
    }

    private static ExerciseTally Tally(Dictionary<Guid, ExerciseTally> exercises, PrescribedExercise exercise)
    {
        if (!exercises.TryGetValue(exercise.ExerciseId, out var tally))
        {
            tally = new ExerciseTally(exercise.ExerciseId);
            exercises.Add(exercise.ExerciseId, tally);
        }

        tally.Name = exercise.ExerciseName;
        return tally;
    }

    private sealed class ExerciseTally(Guid exerciseId)
    {
        public string Name { get; set; } = "";

        public int Prescribed { get; set; }

        public double DoseCredit { get; set; }

        public Dictionary<SkipReason, int> SkipReasons { get; } = [];

        public ExerciseAdherence ToResult() => new()
        {
            ExerciseId = exerciseId,
            Name = Name,
            Prescribed = Prescribed,
            DoseCredit = DoseCredit,
            SkipReasons = SkipReasons,
        };
    }
}
