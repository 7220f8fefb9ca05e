using Prescriber.Core.Programs;

namespace Prescriber.Core.Tests.Programs;

public sealed class WeekDaysTests
{
    [Theory]
    // No choice, or the plan's days: the plan's days.
    [InlineData(WeekDays.Every, null, WeekDays.Every)]
    [InlineData(WeekDays.Weekdays, WeekDays.Weekdays, WeekDays.Weekdays)]
    // The patient's days within the plan's.
    [InlineData(WeekDays.Every, WeekDays.Monday | WeekDays.Wednesday, WeekDays.Monday | WeekDays.Wednesday)]
    [InlineData(WeekDays.Weekdays, WeekDays.Friday | WeekDays.Saturday, WeekDays.Friday)]
    // A later version with none of the chosen days: the plan's, never no reminders at all.
    [InlineData(WeekDays.Tuesday | WeekDays.Thursday, WeekDays.Monday, WeekDays.Tuesday | WeekDays.Thursday)]
    public void Reminder_days_are_the_plans_narrowed_to_the_patients_choice(WeekDays plan, WeekDays? chosen, WeekDays expected) =>
        Assert.Equal(expected, plan.NarrowedTo(chosen));
}
