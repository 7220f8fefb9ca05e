using Prescriber.Core.Adherence;
using Prescriber.Core.Flags;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// Everything the patient review page shows: the open flags, the last 28 days with their
/// per-exercise figures, the 12-week heat map, the pain series, the notes and the versions.
/// Worked out from the sessions of the heat map's weeks only (the calculator reads no session
/// outside its window), so a patient with years of logs costs the page what one with three
/// months does.
/// </summary>
public sealed record PatientReviewFigures(
    Patient Patient,
    IReadOnlyList<ExerciseProgram> Programs,
    AdherenceReport? Report28,
    IReadOnlyList<AdherenceDay> Days,
    IReadOnlyList<PainScore> Pain,
    IReadOnlyList<SessionNote> Notes,
    IReadOnlyList<(ExerciseProgram Program, ProgramVersion Version)> Versions,
    IReadOnlyList<Flag> OpenFlags)
{
    /// <summary>Pain scores on the chart: the latest sessions that have one.</summary>
    public const int PainPoints = 60;

    public const int NoteCount = 50;

    /// <summary>The heat map: 12 whole weeks ending this Sunday, Monday first, so columns are weekdays.</summary>
    public const int HeatMapDays = 84;

    /// <summary>The first day of the heat map, which starts before the 28-day window: the sessions the figures need.</summary>
    public static DateOnly HeatMapStart(DateOnly today) => HeatMapEnd(today).AddDays(1 - HeatMapDays);

    /// <param name="sessions">The patient's sessions since <see cref="HeatMapStart"/>, with their entries.</param>
    /// <param name="pain">The latest <see cref="PainPoints"/> scores, oldest first.</param>
    /// <param name="notes">The latest <see cref="NoteCount"/> notes, newest day first.</param>
    /// <param name="openFlags">The patient's flags not yet resolved, most severe first.</param>
    public static PatientReviewFigures Of(
        Patient patient, IReadOnlyList<ExerciseProgram> programs, IReadOnlyList<SessionLog> sessions,
        IReadOnlyList<PainScore> pain, IReadOnlyList<SessionNote> notes, IReadOnlyList<Flag> openFlags, DateOnly today, DateTimeOffset now)
    {
        var history = new PatientHistory(patient.Id, patient.TimeZone, programs, sessions);
        var report28 = Merge(history.Reports(AdherenceWindow.Since(today, AdherenceWindow.MonthDays), today, now).Select(r => r.Report).ToList());

        var start = HeatMapStart(today);
        var byDate = history.Reports(start, HeatMapEnd(today), now).SelectMany(r => r.Report.Days).GroupBy(d => d.Date)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => Rank(d.State)).First());
        var days = Enumerable.Range(0, HeatMapDays).Select(i => start.AddDays(i))
            .Select(d => byDate.GetValueOrDefault(d) ?? new AdherenceDay { Date = d, State = d > today ? DayState.Pending : DayState.NotPrescribed })
            .ToList();

        var versions = programs.SelectMany(p => p.Versions.Select(v => (p, v))).OrderBy(x => x.v.StartDate).ToList();
        return new PatientReviewFigures(patient, programs, report28, days, pain, notes, versions, openFlags);
    }

    /// <summary>When two programs overlap a day, the heat map shows the state that needs attention most.</summary>
    public static int Rank(DayState state) => state switch
    {
        DayState.Missed => 0,
        DayState.Skipped => 1,
        DayState.Partial => 2,
        DayState.Completed => 3,
        DayState.Paused => 4,
        DayState.Pending => 5,
        _ => 6,
    };

    private static DateOnly HeatMapEnd(DateOnly today) => today.AddDays((7 - (int)today.DayOfWeek) % 7);

    private static AdherenceReport? Merge(List<AdherenceReport> reports) => reports.Count switch
    {
        0 => null,
        1 => reports[0],
        _ => new AdherenceReport
        {
            Days = reports.SelectMany(r => r.Days).ToList(),
            Exercises = reports.SelectMany(r => r.Exercises).ToList(),
            Prescribed = reports.Sum(r => r.Prescribed),
            Completed = reports.Sum(r => r.Completed),
            Partial = reports.Sum(r => r.Partial),
            Skipped = reports.Sum(r => r.Skipped),
            Missed = reports.Sum(r => r.Missed),
            Extra = reports.Sum(r => r.Extra),
            SessionCredit = reports.Sum(r => r.SessionCredit),
            DoseCredit = reports.Sum(r => r.DoseCredit),
        },
    };
}
