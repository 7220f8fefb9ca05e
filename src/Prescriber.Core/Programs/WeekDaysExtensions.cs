namespace Prescriber.Core.Programs;

public static class WeekDaysExtensions
{
    public static readonly IReadOnlyList<WeekDays> InOrder =
        [WeekDays.Monday, WeekDays.Tuesday, WeekDays.Wednesday, WeekDays.Thursday, WeekDays.Friday, WeekDays.Saturday, WeekDays.Sunday];

    public static WeekDays ToWeekDay(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => WeekDays.Monday,
        DayOfWeek.Tuesday => WeekDays.Tuesday,
        DayOfWeek.Wednesday => WeekDays.Wednesday,
        DayOfWeek.Thursday => WeekDays.Thursday,
        DayOfWeek.Friday => WeekDays.Friday,
        DayOfWeek.Saturday => WeekDays.Saturday,
        _ => WeekDays.Sunday,
    };

    public static bool Includes(this WeekDays days, DateOnly date) => (days & date.DayOfWeek.ToWeekDay()) != 0;

    /// <summary>
    /// The plan's days narrowed to those the patient chose for reminders; the plan's own days when
    /// they chose none or none of theirs is left in a later version (never silently no reminders).
    /// </summary>
    public static WeekDays NarrowedTo(this WeekDays plan, WeekDays? chosen) =>
        chosen is { } days && (plan & days) != WeekDays.None ? plan & days : plan;

    public static int Count(this WeekDays days) => InOrder.Count(d => (days & d) != 0);

    public static string Describe(this WeekDays days) => days switch
    {
        WeekDays.Every => "every day",
        WeekDays.Weekdays => "Monday to Friday",
        WeekDays.None => "no days",
        _ => string.Join(", ", InOrder.Where(d => (days & d) != 0).Select(d => d.ToString()[..3])),
    };
}
