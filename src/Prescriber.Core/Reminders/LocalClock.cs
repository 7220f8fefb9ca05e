namespace Prescriber.Core.Reminders;

/// <summary>
/// Turns a patient's wall-clock time on a given day into the one instant it happens, DST
/// included. The rules, so that a reminder fires exactly once every scheduled day:
/// <list type="bullet">
/// <item>a normal day: the local time at that day's offset (a 07:30 reminder stays 07:30 local across a change);</item>
/// <item>a time that does not exist that day (the spring-forward gap) moves forward by the gap:
/// 02:30 on 2026-03-08 in America/New_York is 03:30 EDT;</item>
/// <item>a time that happens twice (fall back) is its first occurrence, the earlier instant.</item>
/// </list>
/// </summary>
public static class LocalClock
{
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the one in force before the clocks go back: the first occurrence.
            var first = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, first);
        }

        if (zone.IsInvalidTime(local))
        {
            // Read the wall time at the offset of just before the gap: that instant is the same
            // distance past the transition as the time was past its start, i.e. moved forward by
            // the gap (02:30 at -05:00 is 07:30Z, which is 03:30 at -04:00).
            var before = local;
            do
            {
                before = before.AddMinutes(-30);
            }
            while (zone.IsInvalidTime(before));

            var instant = new DateTimeOffset(local, zone.GetUtcOffset(before));
            return TimeZoneInfo.ConvertTime(instant, zone);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
