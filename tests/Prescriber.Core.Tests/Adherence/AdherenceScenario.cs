using System.Globalization;
using Prescriber.Core.Adherence;
using Prescriber.Core.Library;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Core.Tests.Adherence;

/// <summary>
/// Builds an <see cref="AdherenceInput"/> from a few lines of text, so each table row reads like
/// the clinical situation it checks.
/// </summary>
/// <remarks>
/// program: versions separated by ';', each "start days times [end=date] [created=utc]", days as
/// Every, Weekdays or Monday+Friday; every version prescribes exercises A and B at 2 x 10.
/// logs: ';'-separated "date kind [vN] [at=utc]" (date may be a range "from..to": one log each day); kind C (all done), N (B at 9 reps: still
/// completed), P (B one set of two: partial 0.75), H (A skipped for no time: partial 0.5),
/// S (all skipped for pain). The version defaults to the one started by that date.
/// pauses: ';'-separated "from..to" or "from..".
/// </remarks>
public static class AdherenceScenario
{
    public static readonly Guid ExerciseA = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid ExerciseB = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    public static AdherenceInput Parse(string program, string logs, string pauses, string window, string now, string zone)
    {
        var versions = Items(program).Select((spec, i) => Version(i + 1, spec)).ToList();
        var range = window.Split("..");
        return new AdherenceInput
        {
            Versions = versions,
            Pauses = Items(pauses).Select(Pause).ToList(),
            TimeZone = zone,
            Sessions = Items(logs).SelectMany(EachDay).Select(spec => Log(spec, versions)).ToList(),
            From = DateOnly.Parse(range[0], CultureInfo.InvariantCulture),
            To = DateOnly.Parse(range[1], CultureInfo.InvariantCulture),
            Now = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The report's totals in the table's own format.</summary>
    public static string Totals(AdherenceReport report) =>
        $"p={report.Prescribed} c={report.Completed} pa={report.Partial} s={report.Skipped} m={report.Missed} x={report.Extra} " +
        $"adh={Percent(report.SessionAdherence)} dose={Percent(report.DoseCompletion)} band={report.Band?.ToString() ?? "-"}";

    private static string Percent(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-";

    private static string[] Items(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"2026-03-02..2026-03-04 C" is one log a day on each of those days.</summary>
    private static IEnumerable<string> EachDay(string spec)
    {
        var space = spec.IndexOf(' ', StringComparison.Ordinal);
        var range = spec[..space].Split("..");
        if (range.Length == 1)
        {
            yield return spec;
            yield break;
        }

        var to = DateOnly.Parse(range[1], CultureInfo.InvariantCulture);
        for (var day = DateOnly.Parse(range[0], CultureInfo.InvariantCulture); day <= to; day = day.AddDays(1))
        {
            yield return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + spec[space..];
        }
    }

    private static ProgramVersion Version(int number, string spec)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var version = new ProgramVersion
        {
            Number = number,
            StartDate = DateOnly.Parse(parts[0], CultureInfo.InvariantCulture),
            Days = Enum.Parse<WeekDays>(parts[1].Replace('+', ',')),
            TimesPerDay = int.Parse(parts[2], CultureInfo.InvariantCulture),
            EndDate = Option(parts, "end") is { } end ? DateOnly.Parse(end, CultureInfo.InvariantCulture) : null,
            CreatedAt = Option(parts, "created") is { } created
                ? DateTimeOffset.Parse(created, CultureInfo.InvariantCulture).UtcDateTime
                : default,
        };
        version.Exercises =
        [
            new PrescribedExercise { VersionId = version.Id, ExerciseId = ExerciseA, ExerciseName = "A", Order = 0, Dosage = new Dosage { Sets = 2, Reps = 10 } },
            new PrescribedExercise { VersionId = version.Id, ExerciseId = ExerciseB, ExerciseName = "B", Order = 1, Dosage = new Dosage { Sets = 2, Reps = 10 } },
        ];
        return version;
    }

    private static ProgramPause Pause(string spec)
    {
        var range = spec.Split("..");
        return new ProgramPause
        {
            From = DateOnly.Parse(range[0], CultureInfo.InvariantCulture),
            To = range[1].Length > 0 ? DateOnly.Parse(range[1], CultureInfo.InvariantCulture) : null,
        };
    }

    private static SessionLog Log(string spec, List<ProgramVersion> versions)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var date = DateOnly.Parse(parts[0], CultureInfo.InvariantCulture);
        var version = parts.FirstOrDefault(p => p.StartsWith('v')) is { } v
            ? versions[int.Parse(v[1..], CultureInfo.InvariantCulture) - 1]
            : versions.Last(x => x.StartDate <= date);
        var (a, b) = (version.Exercises[0], version.Exercises[1]);
        List<SessionEntry> entries = parts[1] switch
        {
            "C" => [Entry(a, EntryOutcome.Done), Entry(b, EntryOutcome.Done)],
            "N" => [Entry(a, EntryOutcome.Done), Entry(b, EntryOutcome.Partial, reps: 9)],
            "P" => [Entry(a, EntryOutcome.Done), Entry(b, EntryOutcome.Partial, sets: 1)],
            "H" => [Entry(a, EntryOutcome.Skipped, reason: SkipReason.NoTime), Entry(b, EntryOutcome.Done)],
            "S" => [Entry(a, EntryOutcome.Skipped, reason: SkipReason.Pain), Entry(b, EntryOutcome.Skipped, reason: SkipReason.Pain)],
            _ => throw new ArgumentException($"unknown log kind in '{spec}'"),
        };
        var prescribed = version.Exercises.ToDictionary(e => e.Id);
        var loggedAt = Option(parts, "at") is { } at
            ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture).UtcDateTime
            : date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        return new SessionLog
        {
            VersionId = version.Id,
            LocalDate = date,
            LoggedAt = loggedAt,
            Retrospective = DateOnly.FromDateTime(loggedAt) > date,
            Status = SessionRules.StatusOf(entries.Select(e => (e, prescribed[e.PrescribedExerciseId])).ToList()),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Entries = entries,
        };
    }

    private static SessionEntry Entry(PrescribedExercise exercise, EntryOutcome outcome, int? sets = null, int? reps = null, SkipReason? reason = null) =>
        new() { PrescribedExerciseId = exercise.Id, Outcome = outcome, SetsDone = sets, RepsDone = reps, SkipReason = reason };

    private static string? Option(string[] parts, string name) =>
        parts.FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
}
