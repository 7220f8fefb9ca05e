using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Prescriber.Core.Adherence;
using Prescriber.Core.Programs;

namespace Prescriber.Web.Features.Review;

public sealed partial class PatientReviewPage
{
    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private ReviewService Review { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private PatientReview? _review;
    private AdherenceReport? _report28;
    private IReadOnlyList<AdherenceDay> _days = [];
    private List<ChartSeries<double>> _painSeries = [];
    private string[] _painLabels = [];
    private List<string> _latestPain = [];

    private ExerciseProgram? Current => _review?.History.Programs.Where(p => p.Status != ProgramStatus.Ended).OrderByDescending(p => p.UpdatedAt).FirstOrDefault();

    protected override async Task OnParametersSetAsync()
    {
        // Audited as a read of the patient's review (once per render pass that loads it).
        _review = await Review.PatientAsync(Id);
        if (_review is null)
        {
            Navigation.NotFound();
            return;
        }

        var today = _review.Today;
        var now = Review.Now;
        _report28 = Merge(_review.History.Reports(today.AddDays(-27), today, now).Select(r => r.Report).ToList());

        // 12 whole weeks ending this Sunday, Monday first, so columns are weekdays.
        var end = today.AddDays((7 - (int)today.DayOfWeek) % 7);
        var start = end.AddDays(-83);
        var byDate = _review.History.Reports(start, end, now).SelectMany(r => r.Report.Days).GroupBy(d => d.Date)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => Rank(d.State)).First());
        _days = Enumerable.Range(0, 84).Select(i => start.AddDays(i))
            .Select(d => byDate.GetValueOrDefault(d) ?? new AdherenceDay { Date = d, State = d > today ? DayState.Pending : DayState.NotPrescribed })
            .ToList();

        var scored = _review.History.Sessions.Where(s => s.PainBefore is not null || s.PainAfter is not null).TakeLast(60).ToList();
        // The chart is a picture (and shows no line for one session): the latest scores also in words.
        _latestPain = scored.TakeLast(5).Reverse()
            .Select(s => $"{s.LocalDate:yyyy-MM-dd}: before {s.PainBefore?.ToString(CultureInfo.InvariantCulture) ?? "-"}, after {s.PainAfter?.ToString(CultureInfo.InvariantCulture) ?? "-"}")
            .ToList();
        _painLabels = scored.Select(s => s.LocalDate.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _painSeries =
        [
            new ChartSeries<double> { Name = "Before", Data = new ChartData<double>(scored.Select(s => (double?)s.PainBefore).ToList()) },
            new ChartSeries<double> { Name = "After", Data = new ChartData<double>(scored.Select(s => (double?)s.PainAfter).ToList()) },
        ];
    }

    /// <summary>When two programs overlap a day, the heat map shows the state that needs attention most.</summary>
    private static int Rank(DayState state) => state switch
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

    private static string ColourOf(DayState state) => state switch
    {
        DayState.Completed => "#2e7d32",
        DayState.Partial => "#9ccc65",
        DayState.Skipped => "#ffb300",
        DayState.Missed => "#d32f2f",
        DayState.Paused => "#64b5f6",
        _ => "#e0e0e0",
    };
}
