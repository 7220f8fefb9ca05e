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

        // Loops rather than LINQ below: "My patients" runs this for every patient on every load.
        // Doubles are added one by one in the same order as Enumerable.Sum would, so the figures
        // are the same to the last bit.
        var days = new List<AdherenceDay>(Math.Max(0, input.To.DayNumber - input.From.DayNumber + 1));
        for (var date = input.From; date <= input.To; date = date.AddDays(1))
        {
            var logs = logsByDay.GetValueOrDefault(date) ?? [];
            days.Add(ComputeDay(date, today, VersionOn(versions, date), input.Pauses, logs, prescribed, exercises));
        }

        int prescribedSessions = 0, completed = 0, partial = 0, skipped = 0, missed = 0, extra = 0;
        double sessionCredit = 0, doseCredit = 0;
        var skipReasons = new Dictionary<SkipReason, int>();
        foreach (var day in days)
        {
            prescribedSessions += day.Prescribed;
            completed += day.Completed;
            partial += day.Partial;
            skipped += day.Skipped;
            missed += day.Missed;
            extra += day.Extra;
            sessionCredit += day.SessionCredit;
            doseCredit += day.DoseCredit;
            foreach (var (reason, count) in day.SkipReasons)
            {
                skipReasons[reason] = skipReasons.GetValueOrDefault(reason) + count;
            }
        }

        return new AdherenceReport
        {
            Days = days,
            Exercises = exercises.Values.Select(t => t.ToResult()).OrderBy(e => e.Name, StringComparer.Ordinal).ToList(),
            Prescribed = prescribedSessions,
            Completed = completed,
            Partial = partial,
            Skipped = skipped,
            Missed = missed,
            Extra = extra,
            SessionCredit = sessionCredit,
            DoseCredit = doseCredit,
            SkipReasons = skipReasons,
        };
    }

    /// <summary>The version in force on a date: the highest-numbered one that has started.</summary>
    private static ProgramVersion? VersionOn(List<(ProgramVersion Version, DateOnly From)> versions, DateOnly date)
    {
        ProgramVersion? inForce = null;
        foreach (var (version, from) in versions)
        {
            if (from <= date)
            {
                inForce = version;
            }
        }

        return inForce;
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
        var paused = false;
        foreach (var pause in pauses)
        {
            paused |= pause.From <= date && (pause.To is null || date <= pause.To);
        }

        var inForce = version is not null && (version.EndDate is null || date <= version.EndDate) && version.Days.Includes(date);
        var scheduled = inForce && !paused ? version!.TimesPerDay : 0;

        // A day counts once it has ended in the patient's zone; today counts only the sessions
        // already logged, so nobody is marked missed at breakfast.
        var slots = date < today ? scheduled : date == today ? Math.Min(scheduled, logs.Count) : 0;

        // The best logs fill the slots; any more are extras (capped at 100% a day). OrderBy is
        // stable: logs that tie on everything keep the order they came in.
        var scored = new (SessionLog Log, (double Session, double Dose) Credit)[logs.Count];
        for (var i = 0; i < scored.Length; i++)
        {
            scored[i] = (logs[i], Credit(logs[i], prescribed));
        }

        if (scored.Length > 1)
        {
            scored = scored
                .OrderByDescending(s => s.Credit.Session)
                .ThenByDescending(s => s.Credit.Dose)
                .ThenBy(s => s.Log.LoggedAt)
                .ToArray();
        }

        var counted = date <= today ? Math.Min(slots, scored.Length) : 0;

        if (slots > 0)
        {
            foreach (var exercise in version!.Exercises)
            {
                Tally(exercises, exercise).Prescribed += slots;
            }
        }

        Dictionary<SkipReason, int>? reasons = null;
        int completed = 0, partial = 0, skipped = 0;
        double sessionCredit = 0, doseCredit = 0;
        // Credit comes from the counted logs only; a skip's reason is what the patient told us,
        // so it is kept from every log of the day (an extra log that skipped an exercise "because
        // of pain" must not vanish behind a better log the same day).
        for (var i = 0; i < scored.Length; i++)
        {
            var (log, credit) = scored[i];
            var counts = i < counted;
            if (counts)
            {
                completed += log.Status == SessionStatus.Completed ? 1 : 0;
                partial += log.Status == SessionStatus.Partial ? 1 : 0;
                skipped += log.Status == SessionStatus.Skipped ? 1 : 0;
                sessionCredit += credit.Session;
                doseCredit += credit.Dose;
            }

            foreach (var entry in log.Entries)
            {
                var reason = entry is { Outcome: EntryOutcome.Skipped, SkipReason: { } r } ? r : (SkipReason?)null;
                if (reason is { } why)
                {
                    reasons ??= [];
                    reasons[why] = reasons.GetValueOrDefault(why) + 1;
                }

                if ((counts || reason is not null) && prescribed.TryGetValue(entry.PrescribedExerciseId, out var exercise))
                {
                    var tally = Tally(exercises, exercise);
                    if (counts)
                    {
                        tally.DoseCredit += SessionRules.DoseFraction(entry, exercise);
                    }

                    if (reason is { } skip)
                    {
                        tally.SkipReasons[skip] = tally.SkipReasons.GetValueOrDefault(skip) + 1;
                    }
                }
            }
        }

        return new AdherenceDay
        {
            Date = date,
            State = StateOf(scheduled, slots, completed, sessionCredit, skipped, date, today, paused),
            VersionNumber = version?.Number,
            Scheduled = scheduled,
            Prescribed = slots,
            Completed = completed,
            Partial = partial,
            Skipped = skipped,
            Missed = slots - counted,
            Extra = date <= today ? logs.Count - counted : 0,
            SessionCredit = sessionCredit,
            DoseCredit = doseCredit,
            SkipReasons = reasons ?? AdherenceDay.NoReasons,
        };
    }

    private static DayState StateOf(int scheduled, int prescribed, int completed, double credit, int skipped, DateOnly date, DateOnly today, bool paused)
    {
        if (scheduled == 0)
        {
            return paused ? DayState.Paused : date > today ? DayState.Pending : DayState.NotPrescribed;
        }

        if (prescribed == 0)
        {
            return DayState.Pending;
        }

        if (completed == scheduled)
        {
            return DayState.Completed;
        }

        if (credit > 0)
        {
            return DayState.Partial;
        }

        return skipped > 0 ? DayState.Skipped : DayState.Missed;
    }

    /// <summary>Session credit: completed 1, partial the mean dose fraction, skipped 0; dose credit: the mean dose fraction.</summary>
    private static (double Session, double Dose) Credit(SessionLog log, Dictionary<Guid, PrescribedExercise> prescribed)
    {
        // The mean of the entries' fractions, added smallest first: doubles added in another order
        // can differ in the last bit, and then two sessions that did the same work (the same
        // fractions, stored in another order) would no longer tie, so which of them fills a slot
        // would depend on the order the database returned their entries in, not on when they
        // were logged.
        Span<double> fractions = log.Entries.Count <= 32 ? stackalloc double[log.Entries.Count] : new double[log.Entries.Count];
        var count = 0;
        foreach (var entry in log.Entries)
        {
            if (prescribed.TryGetValue(entry.PrescribedExerciseId, out var exercise))
            {
                fractions[count++] = SessionRules.DoseFraction(entry, exercise);
            }
        }

        fractions = fractions[..count];
        fractions.Sort();
        double sum = 0;
        foreach (var fraction in fractions)
        {
            sum += fraction;
        }

        var dose = count > 0 ? sum / count : log.Status == SessionStatus.Completed ? 1 : 0;
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
