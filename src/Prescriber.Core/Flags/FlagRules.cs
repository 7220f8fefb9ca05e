using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;

namespace Prescriber.Core.Flags;

/// <summary>
/// The clinician-facing flag rules of clinical-reference.md section 3. Severity uses the
/// screening tiers: critical is Urgent (same day), high and stalled are Review, low and too easy
/// are None (worth a look), dropped out is Urgent.
/// </summary>
public static class FlagRules
{
    /// <summary>Rules that look at a newly logged session and the patient's sessions of the days before it.</summary>
    public static IReadOnlyList<FlagDraft> AfterSession(
        SessionLog session, IReadOnlyList<SessionLog> earlier, FlagSettings settings, string? progression = null, string? regression = null)
    {
        var flags = new List<FlagDraft>();
        var date = session.LocalDate;
        var pain = PainOf(session);
        if (pain >= settings.CriticalPain)
        {
            flags.Add(new(FlagKind.PainHigh, ScreeningTier.Urgent, $"Pain {pain}/10 in the session of {date:yyyy-MM-dd}: review today."));
        }

        var week = earlier.Where(s => s.LocalDate >= date.AddDays(-7) && s.LocalDate < date && PainOf(s) is not null)
            .Select(s => PainOf(s)!.Value).ToList();
        if (pain is { } now && week.Count > 0)
        {
            var median = Median(week);
            if (now - median >= settings.RisePoints && (now - median) * 100 >= settings.RisePercent * median)
            {
                flags.Add(new(FlagKind.PainRise, ScreeningTier.Review, $"Pain {now}/10 on {date:yyyy-MM-dd}, up from a 7-day median of {median:0.#}."));
            }
        }

        var all = earlier.Append(session).ToList();
        var lastWeek = all.Where(s => s.LocalDate > date.AddDays(-7)).ToList();
        if (lastWeek.Count >= settings.EasyMinSessions
            && lastWeek.All(s => s.Difficulty is { } d && d <= settings.EasyMaxDifficulty && (PainOf(s) ?? 0) <= settings.EasyMaxPain))
        {
            var suggestion = progression is null ? "consider a progression" : $"consider the progression: {progression}";
            flags.Add(new(FlagKind.TooEasy, ScreeningTier.None, $"Easy and painless for a week ({lastWeek.Count} sessions): {suggestion}."));
        }

        var latest = all.OrderByDescending(s => s.LocalDate).ThenByDescending(s => s.LoggedAt).Take(settings.HardSessions).ToList();
        if (latest.Count == settings.HardSessions
            && latest.All(s => s.Difficulty >= settings.HardMinDifficulty || s.PainAfter >= settings.HardPain))
        {
            var suggestion = regression is null ? "consider a regression" : $"consider the regression: {regression}";
            flags.Add(new(FlagKind.TooHard, ScreeningTier.Review, $"Hard or painful in the last {latest.Count} sessions: {suggestion}."));
        }

        return flags;
    }

    /// <summary>The silence flag for a patient whose last log was on <paramref name="lastLog"/> (or who never logged since <paramref name="since"/>).</summary>
    public static FlagDraft? Silence(DateOnly? lastLog, DateOnly since, DateOnly today, FlagSettings settings)
    {
        var from = lastLog ?? since;
        var days = today.DayNumber - from.DayNumber;
        var what = lastLog is null ? $"No session logged since the plan started on {since:yyyy-MM-dd}" : $"No session logged since {from:yyyy-MM-dd}";
        return days switch
        {
            _ when days >= settings.SilenceDroppedDays => new(FlagKind.Silence, ScreeningTier.Urgent, $"{what} ({days} days): dropped out?"),
            _ when days >= settings.SilenceStalledDays => new(FlagKind.Silence, ScreeningTier.Review, $"{what} ({days} days): stalled."),
            _ when days >= settings.SilenceLowDays => new(FlagKind.Silence, ScreeningTier.None, $"{what} ({days} days)."),
            _ => null,
        };
    }

    /// <summary>The session's pain: the higher of before and after, since either may be the worrying one.</summary>
    public static int? PainOf(SessionLog session) =>
        session.PainBefore is null && session.PainAfter is null ? null : Math.Max(session.PainBefore ?? 0, session.PainAfter ?? 0);

    private static double Median(List<int> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
