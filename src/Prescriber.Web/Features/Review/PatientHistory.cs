using Prescriber.Core.Adherence;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Review;

/// <summary>A patient's programs and logs as loaded for review; computes adherence over any window.</summary>
public sealed record PatientHistory(Guid PatientId, string TimeZone, IReadOnlyList<ExerciseProgram> Programs, IReadOnlyList<SessionLog> Sessions)
{
    /// <summary>One report per program (ended ones included: their days still counted while they ran).</summary>
    public IReadOnlyList<(ExerciseProgram Program, AdherenceReport Report)> Reports(DateOnly from, DateOnly to, DateTimeOffset now) =>
        Programs.Select(p => (p, AdherenceCalculator.Compute(new AdherenceInput
        {
            Versions = p.Versions,
            Pauses = p.Pauses,
            TimeZone = TimeZone,
            Sessions = Sessions.Where(s => s.ProgramId == p.Id).ToList(),
            From = from,
            To = to,
            Now = now,
        }))).ToList();

    /// <summary>Session adherence over all programs: credit and prescribed sessions added up.</summary>
    public double? Adherence(DateOnly from, DateOnly to, DateTimeOffset now)
    {
        var reports = Reports(from, to, now);
        var prescribed = reports.Sum(r => r.Report.Prescribed);
        return prescribed > 0 ? 100 * reports.Sum(r => r.Report.SessionCredit) / prescribed : null;
    }

    /// <summary>
    /// Session adherence over <paramref name="recentFrom"/>..<paramref name="to"/> and over
    /// <paramref name="from"/>..<paramref name="to"/> (recentFrom within it), from one pass of the
    /// calculator: a day counts the same whatever window it is in, and its figures are added in the
    /// same order, so both equal <see cref="Adherence"/> of their own window to the last bit.
    /// </summary>
    public (double? Recent, double? Whole) Adherence(DateOnly recentFrom, DateOnly from, DateOnly to, DateTimeOffset now)
    {
        var reports = Reports(from, to, now);
        var prescribed = reports.Sum(r => r.Report.Prescribed);
        var recent = reports.Select(r => r.Report.Days.Where(d => d.Date >= recentFrom).ToList()).ToList();
        var recentPrescribed = recent.Sum(days => days.Sum(d => d.Prescribed));
        return (
            recentPrescribed > 0 ? 100 * recent.Sum(days => days.Sum(d => d.SessionCredit)) / recentPrescribed : null,
            prescribed > 0 ? 100 * reports.Sum(r => r.Report.SessionCredit) / prescribed : null);
    }

    public PainTrend Trend(DateOnly today)
    {
        double? Mean(DateOnly from, DateOnly to)
        {
            var values = Sessions.Where(s => s.LocalDate >= from && s.LocalDate <= to).Select(Core.Flags.FlagRules.PainOf).OfType<int>().ToList();
            return values.Count > 0 ? values.Average() : null;
        }

        var recent = Mean(AdherenceWindow.Since(today, AdherenceWindow.RecentDays), today);
        var before = Mean(AdherenceWindow.Since(today, 2 * AdherenceWindow.RecentDays), AdherenceWindow.Since(today, AdherenceWindow.RecentDays).AddDays(-1));
        return (recent, before) switch
        {
            ({ } r, { } b) when r - b >= 1 => PainTrend.Rising,
            ({ } r, { } b) when b - r >= 1 => PainTrend.Falling,
            ({ }, { }) => PainTrend.Steady,
            _ => PainTrend.Unknown,
        };
    }
}
