using Prescriber.Core.Library;

namespace Prescriber.Core.Programs;

/// <summary>
/// Compares two versions of a program. Exercises are matched by exercise and occurrence (the
/// second bird dog of one version is the second of the other), so a dosage change reads as a
/// change, not as a removal and an addition.
/// </summary>
public static class ProgramDiff
{
    public static IReadOnlyList<ProgramChange> Compare(ProgramVersion from, ProgramVersion to)
    {
        var changes = new List<ProgramChange>();
        var before = Keyed(from.Exercises);
        var after = Keyed(to.Exercises);

        foreach (var (key, item) in after.Where(a => !before.ContainsKey(a.Key)))
        {
            changes.Add(new(ProgramChangeKind.Added, $"Added {Describe(item)}"));
        }

        foreach (var (key, item) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            changes.Add(new(ProgramChangeKind.Removed, $"Removed {item.ExerciseName}"));
        }

        foreach (var (key, old) in before)
        {
            if (!after.TryGetValue(key, out var now))
            {
                continue;
            }

            if (old.Dosage with { PerSide = false } != now.Dosage with { PerSide = false })
            {
                changes.Add(new(ProgramChangeKind.DosageChanged, $"{now.ExerciseName}: {Dose(old.Dosage)} → {Dose(now.Dosage)}"));
            }

            if (old.Level != now.Level)
            {
                changes.Add(new(ProgramChangeKind.LevelChanged, $"{now.ExerciseName}: level {old.Level ?? "as written"} → {now.Level ?? "as written"}"));
            }

            if (old.Side != now.Side)
            {
                changes.Add(new(ProgramChangeKind.SideChanged, $"{now.ExerciseName}: {SideText(old.Side)} → {SideText(now.Side)}"));
            }

            if (old.Substitute != now.Substitute)
            {
                changes.Add(new(ProgramChangeKind.SubstituteChanged, $"{now.ExerciseName}: use {now.Substitute ?? "the usual equipment"} instead of {old.Substitute ?? "the usual equipment"}"));
            }

            if (old.Notes != now.Notes)
            {
                changes.Add(new(ProgramChangeKind.NotesChanged, $"{now.ExerciseName}: new notes: {now.Notes ?? "none"}"));
            }
        }

        var keptBefore = before.Where(b => after.ContainsKey(b.Key)).OrderBy(b => b.Value.Order).Select(b => b.Key).ToList();
        var keptAfter = after.Where(a => before.ContainsKey(a.Key)).OrderBy(a => a.Value.Order).Select(a => a.Key).ToList();
        if (!keptBefore.SequenceEqual(keptAfter))
        {
            changes.Add(new(ProgramChangeKind.Reordered, "New order: " + string.Join(", ", to.Exercises.OrderBy(e => e.Order).Select(e => e.ExerciseName))));
        }

        AddScheduleChanges(changes, from, to);
        return changes;
    }

    public static string Dose(Dosage dosage)
    {
        var text = dosage.ToString();
        return dosage.RestSeconds > 0 && dosage.Sets > 1 ? $"{text}, rest {dosage.RestSeconds} s" : text;
    }

    public static string SideText(Side side) => side switch
    {
        Side.Both => "each side",
        Side.Left => "left side only",
        Side.Right => "right side only",
        _ => "both sides together",
    };

    private static string Describe(PrescribedExercise item) => $"{item.ExerciseName} ({Dose(item.Dosage)})";

    private static Dictionary<(Guid, int), PrescribedExercise> Keyed(IEnumerable<PrescribedExercise> items) =>
        items.OrderBy(i => i.Order)
            .GroupBy(i => i.ExerciseId)
            .SelectMany(g => g.Select((item, n) => (Key: (g.Key, n), item)))
            .ToDictionary(x => x.Key, x => x.item);

    private static void AddScheduleChanges(List<ProgramChange> changes, ProgramVersion from, ProgramVersion to)
    {
        if (from.TimesPerDay != to.TimesPerDay)
        {
            changes.Add(new(ProgramChangeKind.ScheduleChanged, $"Sessions a day: {from.TimesPerDay} → {to.TimesPerDay}"));
        }

        if (from.Days != to.Days)
        {
            changes.Add(new(ProgramChangeKind.ScheduleChanged, $"Days: {from.Days.Describe()} → {to.Days.Describe()}"));
        }

        if (from.StartDate != to.StartDate || from.EndDate != to.EndDate)
        {
            changes.Add(new(ProgramChangeKind.ScheduleChanged, $"Dates: {Period(from)} → {Period(to)}"));
        }

        if (!from.ReminderTimes.SequenceEqual(to.ReminderTimes))
        {
            changes.Add(new(ProgramChangeKind.ScheduleChanged, $"Reminders: {Times(from.ReminderTimes)} → {Times(to.ReminderTimes)}"));
        }
    }

    private static string Period(ProgramVersion v) => v.EndDate is { } end ? $"{v.StartDate:yyyy-MM-dd} to {end:yyyy-MM-dd}" : $"from {v.StartDate:yyyy-MM-dd}";

    private static string Times(List<TimeOnly> times) => times.Count == 0 ? "none" : string.Join(", ", times.Select(t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
}
