using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Reminders;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// The plan's sessions as an .ics file for the patient's own calendar: one weekly recurring event
/// per reminder time (09:00 when there is none), in the patient's IANA zone with its VTIMEZONE,
/// so the calendar keeps 07:30 at 07:30 across DST changes just as the reminders do.
/// </summary>
public static class PlanCalendar
{
    public const string FileName = "plan.ics";

    public const string ContentType = "text/calendar";

    public static readonly TimeOnly DefaultTime = new(9, 0);

    private static readonly string[] ByDay = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static byte[] Create(Guid programId, string timeZone, PlanEmailContent plan)
    {
        var zone = PatientTime.Zone(timeZone);
        var version = plan.Version;
        var calendar = new Ical.Net.Calendar { ProductId = "-//Prescriber//Home exercise plan//EN", Method = "PUBLISH" };
        // History from a year before the start covers every rule the events can meet.
        calendar.AddTimeZone(zone.Id, version.StartDate.AddYears(-1).ToDateTime(TimeOnly.MinValue), false);

        // One event a session: a once-a-day plan with a second, nudging reminder is still one
        // session in the patient's calendar, at the first reminder time.
        var times = (plan.ReminderTimes.Count > 0 ? plan.ReminderTimes : [DefaultTime]).Order().Take(Math.Max(1, version.TimesPerDay));
        var days = string.Join(',', WeekDaysExtensions.InOrder.Select((day, i) => (day, i)).Where(d => (version.Days & d.day) != 0).Select(d => ByDay[d.i]));
        foreach (var time in times)
        {
            var rule = $"FREQ=WEEKLY;BYDAY={days}";
            if (version.EndDate is { } end)
            {
                // With a TZID start, RFC 5545 wants UNTIL in UTC: the end of the last local day.
                var until = LocalClock.ToInstant(end, new TimeOnly(23, 59, 59), zone).UtcDateTime;
                rule += ";UNTIL=" + until.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            }

            var session = new CalendarEvent
            {
                // Stable per program, version and time: a calendar that imports a newer plan replaces the older one's events by UID.
                Uid = $"{programId:N}-{time:HHmm}@prescriber",
                Sequence = version.Number,
                Summary = plan.ProgramName,
                Description = $"Your home exercises ({plan.Minutes} minutes). Open today's exercises: {plan.Link}",
                DtStart = new CalDateTime(version.StartDate, time, zone.Id),
                Duration = Duration.FromMinutes(Math.Max(plan.Minutes, 5)),
                RecurrenceRule = new RecurrencePattern(rule),
            };
            calendar.Events.Add(session);
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }
}
