using Prescriber.Core.Patients;
using Prescriber.Core.Programs;

namespace Prescriber.Core.Tests.Programs;

public sealed class ReminderSummaryTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public void A_patient_who_turned_reminders_off_is_told_as_off_with_the_day_even_when_a_pause_is_also_set()
    {
        var patient = new Patient { Name = "P", Email = "p@example.org", TimeZone = "UTC", RemindersOff = true, RemindersOffAt = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), RemindersPausedUntil = Today.AddDays(3) };
        Assert.Equal("Off: the patient turned reminder emails off on Mon 30 Nov 2026.", ReminderSummary.ForPatient(patient, Today));
    }

    [Fact]
    public void A_pause_shows_until_its_last_day_and_not_after()
    {
        var patient = new Patient { Name = "P", Email = "p@example.org", TimeZone = "UTC", RemindersPausedUntil = Today };
        Assert.Equal("Paused by the patient until Sat 5 Dec 2026 inclusive.", ReminderSummary.ForPatient(patient, Today));
        Assert.Equal("On.", ReminderSummary.ForPatient(patient, Today.AddDays(1)));
        Assert.True(ReminderSummary.AreQuiet(patient, Today));
        Assert.False(ReminderSummary.AreQuiet(patient, Today.AddDays(1)));
    }

    [Fact]
    public void A_program_names_the_times_and_days_the_patient_chose_over_the_plans()
    {
        var version = new ProgramVersion { Days = WeekDays.Every, ReminderTimes = [new TimeOnly(7, 30)] };
        Assert.Equal("07:30, every day.", ReminderSummary.ForProgram(new ExerciseProgram { Name = "Upper back" }, version));

        var own = new ExerciseProgram { Name = "Upper back", PatientReminderTimes = [new TimeOnly(8, 0), new TimeOnly(18, 15)], PatientReminderDays = WeekDays.Monday | WeekDays.Thursday };
        Assert.Equal("08:00, 18:15 (the patient's times), Mon, Thu (the patient's days).", ReminderSummary.ForProgram(own, version));
    }

    [Fact]
    public void The_plan_sheet_gives_the_times_and_days_in_force()
    {
        var version = new ProgramVersion { Days = WeekDays.Every, ReminderTimes = [new TimeOnly(7, 30)] };
        Assert.Equal("Reminders at 07:30 (your time).", ReminderSummary.ForPlanSheet(new ExerciseProgram { Name = "Upper back" }, version));
        var own = new ExerciseProgram { Name = "Upper back", PatientReminderTimes = [new TimeOnly(9, 15)], PatientReminderDays = WeekDays.Monday | WeekDays.Friday };
        Assert.Equal("Reminders at 09:15 (your time), on Mon, Fri only.", ReminderSummary.ForPlanSheet(own, version));
        Assert.Null(ReminderSummary.ForPlanSheet(new ExerciseProgram { Name = "Upper back" }, new ProgramVersion { ReminderTimes = [] }));
    }

    [Fact]
    public void A_plan_without_reminder_times_says_so()
    {
        var version = new ProgramVersion { Days = WeekDays.Weekdays, ReminderTimes = [] };
        Assert.Equal("No reminder times.", ReminderSummary.ForProgram(new ExerciseProgram { Name = "Upper back" }, version));
    }
}
