using System.Globalization;
using Prescriber.Core.Programs;
using Prescriber.Core.Reminders;

namespace Prescriber.Core.Tests.Reminders;

public sealed class LocalClockTests
{
    [Theory]
    // A normal day, and the days either side of each change: 07:30 stays 07:30 local.
    [InlineData("America/New_York", "2026-03-07", "07:30", "2026-03-07T12:30:00Z")]
    [InlineData("America/New_York", "2026-03-08", "07:30", "2026-03-08T11:30:00Z")]
    [InlineData("America/New_York", "2026-10-31", "07:30", "2026-10-31T11:30:00Z")]
    [InlineData("America/New_York", "2026-11-01", "07:30", "2026-11-01T12:30:00Z")]
    [InlineData("Europe/London", "2026-03-28", "07:30", "2026-03-28T07:30:00Z")]
    [InlineData("Europe/London", "2026-03-29", "07:30", "2026-03-29T06:30:00Z")]
    [InlineData("Europe/London", "2026-10-25", "07:30", "2026-10-25T07:30:00Z")]
    // Spring forward: a time in the gap moves forward by the gap (02:30 EST does not exist: 03:30 EDT).
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00Z")]
    [InlineData("America/New_York", "2026-03-08", "02:00", "2026-03-08T07:00:00Z")]
    [InlineData("Europe/London", "2026-03-29", "01:30", "2026-03-29T01:30:00Z")]
    // Fall back: a time that happens twice is its first occurrence (still daylight time).
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z")]
    [InlineData("America/New_York", "2026-11-01", "01:00", "2026-11-01T05:00:00Z")]
    [InlineData("Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00Z")]
    // Just outside the changes: ordinary.
    [InlineData("America/New_York", "2026-03-08", "03:00", "2026-03-08T07:00:00Z")]
    [InlineData("America/New_York", "2026-11-01", "02:00", "2026-11-01T07:00:00Z")]
    [InlineData("UTC", "2026-03-08", "02:30", "2026-03-08T02:30:00Z")]
    public void Local_time_becomes_one_instant(string zone, string date, string time, string expected)
    {
        var instant = LocalClock.ToInstant(DateOnly.Parse(date, CultureInfo.InvariantCulture), TimeOnly.Parse(time, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void The_gap_time_reads_as_the_moved_forward_local_time()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var instant = LocalClock.ToInstant(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), zone);

        Assert.Equal(new DateTime(2026, 3, 8, 3, 30, 0), TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30")]
    [InlineData("America/New_York", "2026-11-01", "01:30")]
    [InlineData("Europe/London", "2026-03-29", "01:30")]
    [InlineData("Europe/London", "2026-10-25", "01:30")]
    [InlineData("America/New_York", "2026-11-01", "07:30")]
    public void Scanning_every_minute_of_the_change_day_finds_each_slot_exactly_once(string zoneId, string date, string time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        var slot = TimeOnly.Parse(time, CultureInfo.InvariantCulture);
        var schedule = new ReminderSchedule([slot], WeekDays.Every, day.AddDays(-10), null, zone);
        var found = new HashSet<(DateOnly, TimeOnly, DateTimeOffset)>();
        var firstSeen = new List<DateTimeOffset>();
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-12);
        for (var now = start; now < start.AddHours(48); now = now.AddMinutes(1))
        {
            foreach (var due in schedule.DueAt(now, TimeSpan.FromHours(6), DateTimeOffset.MinValue).Where(d => d.LocalDate == day))
            {
                if (found.Add((due.LocalDate, due.Slot, due.DueAt)))
                {
                    firstSeen.Add(now);
                }
            }
        }

        var only = Assert.Single(found);
        Assert.Equal(LocalClock.ToInstant(day, slot, zone), only.Item3);
        Assert.Equal(only.Item3, Assert.Single(firstSeen));
    }

    [Fact]
    public void Due_slots_respect_days_dates_catch_up_and_the_programs_start()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        // Mondays only, from 2026-11-23 (a Monday) to 2026-11-30.
        var schedule = new ReminderSchedule([new TimeOnly(7, 30), new TimeOnly(18, 0)], WeekDays.Monday, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30), zone);
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var window = TimeSpan.FromHours(6);

        Assert.Empty(schedule.DueAt(monday.AddHours(7).AddMinutes(29), window, DateTimeOffset.MinValue));
        Assert.Equal([new TimeOnly(7, 30)], schedule.DueAt(monday.AddHours(7).AddMinutes(30), window, DateTimeOffset.MinValue).Select(d => d.Slot));
        // Past the catch-up window the morning slot is dropped, the evening one not yet due.
        Assert.Empty(schedule.DueAt(monday.AddHours(13).AddMinutes(31), window, DateTimeOffset.MinValue));
        // A program assigned at 10:00 does not get that morning's reminder.
        Assert.Empty(schedule.DueAt(monday.AddHours(10), window, monday.AddHours(10)));
        // Tuesday is not scheduled; Monday 30th is the last day; the Monday after is past the end.
        Assert.Empty(schedule.DueAt(monday.AddDays(1).AddHours(8), window, DateTimeOffset.MinValue));
        Assert.Single(schedule.DueAt(monday.AddDays(7).AddHours(8), window, DateTimeOffset.MinValue));
        Assert.Empty(schedule.DueAt(monday.AddDays(14).AddHours(8), window, DateTimeOffset.MinValue));
    }
}
