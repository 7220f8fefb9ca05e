using Prescriber.Core.Programs;

namespace Prescriber.Core.Sessions;

/// <summary>How a logged session counts (clinical-reference.md section 2).</summary>
public static class SessionRules
{
    public const int MaxNoteLength = 2000;

    /// <summary>Logs for a past day are accepted until 48 hours after that day ends, and marked retrospective.</summary>
    public static readonly TimeSpan LateLogWindow = TimeSpan.FromHours(48);

    /// <summary>Share of the prescribed volume done: sets x reps (x sides, which cancel out), capped at 1.</summary>
    public static double DoseFraction(SessionEntry entry, PrescribedExercise prescribed) => entry.Outcome switch
    {
        EntryOutcome.Done => 1,
        EntryOutcome.Skipped => 0,
        _ => Math.Min(1, (double)(entry.SetsDone ?? prescribed.Dosage.Sets) * (entry.RepsDone ?? prescribed.Dosage.Reps)
            / Math.Max(1, prescribed.Dosage.Sets * prescribed.Dosage.Reps)),
    };

    /// <summary>Completed when every exercise reached 80% of its dose; skipped when none was done; partial otherwise.</summary>
    public static SessionStatus StatusOf(IReadOnlyCollection<(SessionEntry Entry, PrescribedExercise Prescribed)> entries)
    {
        var fractions = entries.Select(e => DoseFraction(e.Entry, e.Prescribed)).ToList();
        if (fractions.Count == 0 || fractions.All(f => f <= 0))
        {
            return SessionStatus.Skipped;
        }

        return fractions.All(f => f >= 0.8) ? SessionStatus.Completed : SessionStatus.Partial;
    }

    /// <summary>The dates a patient may log for now: today, and earlier days whose end is less than 48 hours ago.</summary>
    public static IReadOnlyList<DateOnly> LoggableDates(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var dates = new List<DateOnly> { today };
        for (var back = 1; back <= 3; back++)
        {
            var day = today.AddDays(-back);
            var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            var endUtc = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay));
            if (now - endUtc < LateLogWindow)
            {
                dates.Add(day);
            }
        }

        return dates;
    }
}
