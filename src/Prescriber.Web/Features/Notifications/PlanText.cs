using System.Globalization;
using System.Text;
using Prescriber.Core.Library;
using Prescriber.Core.Programs;

namespace Prescriber.Web.Features.Notifications;

/// <summary>The plan's words, shared by the HTML and the plain-text part of the plan email.</summary>
public static class PlanText
{
    public static string Sessions(int timesPerDay) => timesPerDay switch
    {
        1 => "Once a day",
        2 => "Twice a day",
        var n => $"{n} times a day",
    };

    public static string Period(ProgramVersion version) =>
        version.EndDate is { } end
            ? $"From {Day(version.StartDate)} until {Day(end)}."
            : $"From {Day(version.StartDate)}.";

    public static string Equipment(Equipment equipment, string? substitute) =>
        substitute is { } chosen && equipment.Substitutes.Contains(chosen)
            ? $"You need: {equipment.Name}. Use instead: {chosen}."
            : equipment.Substitutes.Count > 0
                ? $"You need: {equipment.Name} (or at home: {string.Join("; ", equipment.Substitutes)})."
                : $"You need: {equipment.Name}.";

    /// <summary>The plain-text part: the same content as the HTML, for clients that show text only.</summary>
    public static string Text(PlanEmailContent plan)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Hello {plan.PatientName},\n\n");
        if (plan.Version.Number > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"Your clinician at {plan.ClinicName} has updated {plan.ProgramName} (version {plan.Version.Number}).\n\n");
            if (plan.Changes.Count > 0)
            {
                text.Append("What changed:\n");
                foreach (var change in plan.Changes)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {change.Description}\n");
                }

                text.Append('\n');
            }
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Here is your home exercise plan from {plan.ClinicName}, {plan.ProgramName}.\n\n");
        }

        if (plan.Version.Note is { } note)
        {
            text.Append(CultureInfo.InvariantCulture, $"From your clinician: {note}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{Sessions(plan.Version.TimesPerDay)}, {plan.Version.Days.Describe()}. About {plan.Minutes} minutes a session. {Period(plan.Version)}\n");
        if (plan.ReminderTimes.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Reminders at {string.Join(", ", plan.ReminderTimes.Select(t => t.ToString("HH:mm", CultureInfo.InvariantCulture)))} (your time).\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nOpen today's exercises:\n{plan.Link}\n\nSafety: {SafetyText.Line}\n");
        foreach (var item in plan.Version.Exercises.OrderBy(e => e.Order))
        {
            var exercise = plan.Exercises.GetValueOrDefault(item.ExerciseId);
            var level = exercise?.Levels.FirstOrDefault(l => l.Name == item.Level);
            text.Append(CultureInfo.InvariantCulture, $"\n{item.Order + 1}. {item.ExerciseName}\n   {ProgramDiff.Dose(item.Dosage)}");
            text.Append(item.Side is Side.Left or Side.Right ? $", {ProgramDiff.SideText(item.Side)}\n" : "\n");
            if (level is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"   {level.Name}: {level.Instructions}\n");
            }

            if (exercise is not null)
            {
                var n = 1;
                foreach (var step in exercise.Steps)
                {
                    text.Append(CultureInfo.InvariantCulture, $"   {n++}) {step}\n");
                }

                foreach (var equipment in exercise.Equipment)
                {
                    text.Append(CultureInfo.InvariantCulture, $"   {Equipment(equipment, item.Substitute)}\n");
                }
            }

            if (item.Notes is { } notes)
            {
                text.Append(CultureInfo.InvariantCulture, $"   Note: {notes}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{SafetyText.NotAdvice}\n");
        return text.ToString();
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
