using System.Globalization;

namespace Prescriber.Core.Programs;

/// <summary>Reminder times as people type them ("7:30, 18:00"), read once for every form that asks.</summary>
public static class ReminderTimesText
{
    private static readonly string[] Formats = ["H:mm", "HH:mm"];

    /// <summary>The times in order, or the first part that is not a time.</summary>
    public static (List<TimeOnly> Times, string? Bad) Parse(string? text)
    {
        var times = new List<TimeOnly>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TimeOnly.TryParseExact(part, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return (times, part);
            }

            times.Add(time);
        }

        return ([.. times.Order()], null);
    }

    public static string Format(IEnumerable<TimeOnly> times) =>
        string.Join(", ", times.Select(t => t.ToString("HH:mm", CultureInfo.InvariantCulture)));

    public static string Problem(string bad) => $"'{bad}' is not a time; write times like 07:30, 18:00";
}
