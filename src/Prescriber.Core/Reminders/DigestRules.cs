using Prescriber.Core.Programs;

namespace Prescriber.Core.Reminders;

/// <summary>
/// The clinician digest's interim measures, from the session logs alone. Deliberately simple:
/// issue 7 brings the full adherence definition (docs/adherence.md, partial credit, late logs) and
/// the red flags, and the digest switches to those then. Until then:
/// <list type="bullet">
/// <item><b>silence</b>: whole days since the last logged day (or since the day before the
/// program started, when nothing was ever logged), counted up to yesterday; flagged at 2 or more;</item>
/// <item><b>adherence</b> over the last 7 complete days: sessions logged (not skipped, at most
/// TimesPerDay a day) / sessions prescribed, prescribed = TimesPerDay x the days in the window that
/// the current version schedules (within its dates), minus paused days; flagged under 50%.</item>
/// </list>
/// </summary>
public static class DigestRules
{
    public const int SilentDays = 2;

    public const int WindowDays = 7;

    public const double LowAdherence = 0.5;

    /// <summary>Days without a session before today; 0 when yesterday was logged.</summary>
    public static int DaysSilent(DateOnly today, DateOnly startDate, DateOnly? lastLogged)
    {
        var lastActive = lastLogged ?? startDate.AddDays(-1);
        return Math.Max(0, today.DayNumber - 1 - lastActive.DayNumber);
    }

    /// <summary>(logged, prescribed) over the 7 days before today.</summary>
    public static (int Logged, int Prescribed) Adherence(
        DateOnly today,
        int timesPerDay,
        WeekDays days,
        DateOnly startDate,
        DateOnly? endDate,
        IReadOnlyDictionary<DateOnly, int> sessionsByDay,
        IEnumerable<(DateOnly From, DateOnly? To)> pauses)
    {
        var paused = pauses.ToList();
        int logged = 0, prescribed = 0;
        for (var date = today.AddDays(-WindowDays); date < today; date = date.AddDays(1))
        {
            var scheduled = date >= startDate && (endDate is not { } end || date <= end) && days.Includes(date)
                && !paused.Any(p => date >= p.From && (p.To is not { } to || date <= to));
            if (!scheduled)
            {
                continue;
            }

            prescribed += timesPerDay;
            logged += Math.Min(timesPerDay, sessionsByDay.GetValueOrDefault(date));
        }

        return (logged, prescribed);
    }
}
