using Prescriber.Core.Programs;

namespace Prescriber.Core.Reminders;

/// <summary>
/// When a program's reminders are due, in the patient's own time zone. Pure, so the DST cases
/// are table-tested without a database or a clock.
/// </summary>
public sealed record ReminderSchedule(
    IReadOnlyList<TimeOnly> Times,
    WeekDays Days,
    DateOnly StartDate,
    DateOnly? EndDate,
    TimeZoneInfo Zone)
{
    /// <summary>
    /// The slots due at <paramref name="now"/>: on a scheduled day within the program's dates, due
    /// at or before now, and not older than <paramref name="catchUp"/> (a server that was down
    /// still sends today's reminder, not last week's), nor older than <paramref name="notBefore"/>
    /// (a program assigned at 10:00 does not get that morning's 07:30 reminder).
    /// </summary>
    public IReadOnlyList<DueSlot> DueAt(DateTimeOffset now, TimeSpan catchUp, DateTimeOffset notBefore)
    {
        var due = new List<DueSlot>();
        if (Times.Count == 0)
        {
            return due;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        var earliest = now - catchUp;
        // The catch-up window is shorter than a day, so yesterday and today hold every candidate.
        for (var date = today.AddDays(-1); date <= today; date = date.AddDays(1))
        {
            if (date < StartDate || (EndDate is { } end && date > end) || !Days.Includes(date))
            {
                continue;
            }

            foreach (var time in Times.Distinct().Order())
            {
                var at = LocalClock.ToInstant(date, time, Zone);
                if (at <= now && at > earliest && at >= notBefore)
                {
                    due.Add(new DueSlot(date, time, at));
                }
            }
        }

        return due;
    }
}
