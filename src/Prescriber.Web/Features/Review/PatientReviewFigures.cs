using Prescriber.Core.Adherence;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// Everything the patient review page shows, worked out from a loaded <see cref="PatientReview"/>:
/// the last 28 days with their per-exercise figures, the 12-week heat map, the pain series, the
/// notes and the versions. Kept out of the page so the review benchmark times what the page does.
/// </summary>
public sealed record PatientReviewFigures(
    AdherenceReport? Report28,
    IReadOnlyList<AdherenceDay> Days,
    IReadOnlyList<SessionLog> Pain,
    IReadOnlyList<SessionLog> Notes,
    IReadOnlyList<(ExerciseProgram Program, ProgramVersion Version)> Versions)
{
    /// <summary>Pain scores on the chart: the latest sessions that have one.</summary>
    public const int PainPoints = 60;

    public const int NoteCount = 50;

    /// <summary>The heat map: 12 whole weeks ending this Sunday, Monday first, so columns are weekdays.</summary>
    public const int HeatMapDays = 84;

    public static PatientReviewFigures Of(PatientReview review, DateTimeOffset now)
    {
        var today = review.Today;
        var report28 = Merge(review.History.Reports(AdherenceWindow.Since(today, AdherenceWindow.MonthDays), today, now).Select(r => r.Report).ToList());

        var end = today.AddDays((7 - (int)today.DayOfWeek) % 7);
        var start = end.AddDays(1 - HeatMapDays);
        var byDate = review.History.Reports(start, end, now).SelectMany(r => r.Report.Days).GroupBy(d => d.Date)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => Rank(d.State)).First());
        var days = Enumerable.Range(0, HeatMapDays).Select(i => start.AddDays(i))
            .Select(d => byDate.GetValueOrDefault(d) ?? new AdherenceDay { Date = d, State = d > today ? DayState.Pending : DayState.NotPrescribed })
            .ToList();

        var pain = review.History.Sessions.Where(s => s.PainBefore is not null || s.PainAfter is not null).TakeLast(PainPoints).ToList();
        var notes = review.History.Sessions.Where(s => s.Note is not null).OrderByDescending(s => s.LocalDate).Take(NoteCount).ToList();
        var versions = review.History.Programs.SelectMany(p => p.Versions.Select(v => (p, v))).OrderBy(x => x.v.StartDate).ToList();
        return new PatientReviewFigures(report28, days, pain, notes, versions);
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
