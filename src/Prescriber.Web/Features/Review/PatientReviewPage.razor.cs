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

    private PatientReviewFigures? _figures;
    private AdherenceReport? _report28;
    private IReadOnlyList<AdherenceDay> _days = [];
    private List<ChartSeries<double>> _painSeries = [];
    private string[] _painLabels = [];
    private List<string> _latestPain = [];

    /// <summary>The pain scale's own range, 0 to 10 in steps of 2 (the chart's default step is 20), with a dot per session so a single one shows.</summary>
    private static readonly LineChartOptions PainAxis = new() { YAxisTicks = 2, YAxisSuggestedMax = 10, YAxisRequireZeroPoint = true, ShowDataMarkers = true };

    private ExerciseProgram? Current => _figures?.Programs.Where(p => p.Status != ProgramStatus.Ended).OrderByDescending(p => p.UpdatedAt).FirstOrDefault();

    protected override async Task OnParametersSetAsync()
    {
        // Audited as a read of the patient's review (once per render pass that loads it).
        _figures = await Review.PatientPageAsync(Id);
        if (_figures is null)
        {
            Navigation.NotFound();
            return;
        }

        _report28 = _figures.Report28;
        _days = _figures.Days;
        var scored = _figures.Pain;
        // The chart is a picture (one session is a dot, not a line): the latest scores also in words.
        _latestPain = scored.TakeLast(5).Reverse()
            .Select(s => $"{s.Date:yyyy-MM-dd}: before {s.Before?.ToString(CultureInfo.InvariantCulture) ?? "-"}, after {s.After?.ToString(CultureInfo.InvariantCulture) ?? "-"}")
            .ToList();
        _painLabels = scored.Select(s => s.Date.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray();
        _painSeries =
        [
            new ChartSeries<double> { Name = "Before", Data = new ChartData<double>(scored.Select(s => (double?)s.Before).ToList()) },
            new ChartSeries<double> { Name = "After", Data = new ChartData<double>(scored.Select(s => (double?)s.After).ToList()) },
        ];
    }

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
