using Prescriber.Core.Library;

namespace Prescriber.Core.Programs;

/// <summary>What a program must satisfy before a patient gets it. Field names match the draft's JSON.</summary>
public static class ProgramRules
{
    public const int MaxExercises = 20;
    public const int MaxNotesLength = 500;
    public const int MaxReminders = 6;

    /// <summary>Past this many, the builder suggests a shorter routine: fewer exercises get done more often.</summary>
    public const int GentleLimit = 6;

    public static IReadOnlyList<ValidationError> Validate(ProgramDraft draft)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new("name", "is required"));
        }
        else if (draft.Name.Trim().Length > ExerciseRules.MaxNameLength)
        {
            errors.Add(new("name", $"must be at most {ExerciseRules.MaxNameLength} characters"));
        }

        if (draft.Exercises.Count == 0)
        {
            errors.Add(new("exercises", "add at least one exercise"));
        }
        else if (draft.Exercises.Count > MaxExercises)
        {
            errors.Add(new("exercises", $"can hold at most {MaxExercises} exercises"));
        }

        for (var i = 0; i < draft.Exercises.Count; i++)
        {
            var item = draft.Exercises[i];
            errors.AddRange(DosageLimits.Check(item.ToDosage(), $"exercises[{i}]"));
            if (!Enum.IsDefined(item.Side))
            {
                errors.Add(new($"exercises[{i}].side", "is not a known side"));
            }

            if (item.Notes is { Length: > MaxNotesLength })
            {
                errors.Add(new($"exercises[{i}].notes", $"must be at most {MaxNotesLength} characters"));
            }
        }

        if (draft.TimesPerDay is < DosageLimits.MinTimesPerDay or > DosageLimits.MaxTimesPerDay)
        {
            errors.Add(new("timesPerDay", $"must be between {DosageLimits.MinTimesPerDay} and {DosageLimits.MaxTimesPerDay} (was {draft.TimesPerDay})"));
        }

        if ((draft.Days & WeekDays.Every) == WeekDays.None || (draft.Days & ~WeekDays.Every) != 0)
        {
            errors.Add(new("days", "choose at least one day of the week"));
        }

        if (draft.EndDate is { } end && end < draft.StartDate)
        {
            errors.Add(new("endDate", "must be on or after the start date"));
        }

        if (draft.ReminderTimes.Count > MaxReminders)
        {
            errors.Add(new("reminderTimes", $"can hold at most {MaxReminders} times"));
        }
        else if (draft.ReminderTimes.Distinct().Count() != draft.ReminderTimes.Count)
        {
            errors.Add(new("reminderTimes", "has the same time twice"));
        }

        if (draft.Note is { Length: > MaxNotesLength })
        {
            errors.Add(new("note", $"must be at most {MaxNotesLength} characters"));
        }

        return errors;
    }

    /// <summary>Minutes one session takes: active time, rests, and a little to get into position.</summary>
    public static int EstimatedMinutes(IEnumerable<Dosage> dosages)
    {
        const int SetupSeconds = 20;
        var seconds = dosages.Sum(d => d.ActiveSeconds() + SetupSeconds);
        return seconds == 0 ? 0 : (int)Math.Ceiling(seconds / 60.0);
    }
}
