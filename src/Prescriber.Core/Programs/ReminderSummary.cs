using System.Globalization;
using Prescriber.Core.Patients;

namespace Prescriber.Core.Programs;

/// <summary>
/// What the reminder job will send, told to the clinician in a line: reminders that a patient
/// turned off or narrowed must not be a surprise when the adherence drops.
/// </summary>
public static class ReminderSummary
{
    /// <summary>The patient's switch and pause, on the patient's own calendar.</summary>
    public static string ForPatient(Patient patient, DateOnly today) => patient switch
    {
        { RemindersOff: true, RemindersOffAt: { } at } => $"Off: the patient turned reminder emails off on {Day(DateOnly.FromDateTime(at))}.",
        { RemindersOff: true } => "Off: the patient turned reminder emails off.",
        { RemindersPausedUntil: { } until } when until >= today => $"Paused by the patient until {Day(until)} inclusive.",
        _ => "On.",
    };

    /// <summary>True when the patient gets no reminder emails today: turned off, or paused up to today or later.</summary>
    public static bool AreQuiet(Patient patient, DateOnly today) =>
        patient.RemindersOff || patient.RemindersPausedUntil >= today;

    /// <summary>One program's times and days, marking those the patient chose over the plan's.</summary>
    public static string ForProgram(ExerciseProgram program, ProgramVersion version)
    {
        var times = program.PatientReminderTimes ?? version.ReminderTimes;
        if (times.Count == 0)
        {
            return "No reminder times.";
        }

        var days = version.Days.NarrowedTo(program.PatientReminderDays);
        var ownTimes = program.PatientReminderTimes is null ? "" : " (the patient's times)";
        var ownDays = days == version.Days ? "" : " (the patient's days)";
        return $"{ReminderTimesText.Format(times)}{ownTimes}, {days.Describe()}{ownDays}.";
    }

    /// <summary>The line of the patient's own plan sheet: the times and days in force, whoever chose them; null without times.</summary>
    public static string? ForPlanSheet(ExerciseProgram program, ProgramVersion version)
    {
        var times = program.PatientReminderTimes ?? version.ReminderTimes;
        if (times.Count == 0)
        {
            return null;
        }

        var days = version.Days.NarrowedTo(program.PatientReminderDays);
        return $"Reminders at {ReminderTimesText.Format(times)} (your time){(days == version.Days ? "" : $", on {days.Describe()} only")}.";
    }

    private static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
