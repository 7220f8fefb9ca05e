using Prescriber.Core.Flags;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;

namespace Prescriber.Core.Tests.Flags;

public sealed class FlagRulesTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    private static SessionLog Log(int daysAgo, int? before, int? after, int? difficulty = 5) => new()
    {
        LocalDate = Day.AddDays(-daysAgo),
        LoggedAt = Day.AddDays(-daysAgo).ToDateTime(new TimeOnly(12, 0)),
        PainBefore = before,
        PainAfter = after,
        Difficulty = difficulty,
        IdempotencyKey = Guid.NewGuid().ToString("N"),
    };

    private static List<FlagKind> Kinds(SessionLog session, params SessionLog[] earlier) =>
        FlagRules.AfterSession(session, earlier, new FlagSettings()).Select(f => f.Kind).ToList();

    [Fact]
    public void Pain_of_7_is_critical_and_6_is_not()
    {
        var flags = FlagRules.AfterSession(Log(0, 2, 7), [], new FlagSettings());
        Assert.Equal(ScreeningTier.Urgent, Assert.Single(flags, f => f.Kind == FlagKind.PainHigh).Severity);
        Assert.DoesNotContain(FlagKind.PainHigh, Kinds(Log(0, 2, 6)));
    }

    [Fact]
    public void A_rise_needs_2_points_and_30_percent_over_the_7_day_median()
    {
        SessionLog[] week = [Log(1, 3, 3), Log(2, 3, 3), Log(3, 4, 4), Log(9, 0, 0)];
        Assert.Contains(FlagKind.PainRise, Kinds(Log(0, 5, 5), week));      // 5 vs median 3: +2, +67%
        Assert.DoesNotContain(FlagKind.PainRise, Kinds(Log(0, 4, 4), week)); // +1 only
        SessionLog[] high = [Log(1, 6, 6), Log(2, 6, 6)];
        Assert.DoesNotContain(FlagKind.PainRise, Kinds(Log(0, 7, 7), high)); // +1
        Assert.DoesNotContain(FlagKind.PainRise, Kinds(Log(0, 5, 5)));       // no history
    }

    [Fact]
    public void A_rise_threshold_follows_the_clinic_settings()
    {
        var settings = new FlagSettings { RisePoints = 3 };
        Assert.DoesNotContain(FlagRules.AfterSession(Log(0, 5, 5), [Log(1, 3, 3)], settings), f => f.Kind == FlagKind.PainRise);
        Assert.Contains(FlagRules.AfterSession(Log(0, 6, 6), [Log(1, 3, 3)], settings), f => f.Kind == FlagKind.PainRise);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, ScreeningTier.None)]
    [InlineData(13, ScreeningTier.None)]
    [InlineData(14, ScreeningTier.Review)]
    [InlineData(21, ScreeningTier.Urgent)]
    public void Silence_is_low_at_2_days_stalled_at_14_dropped_at_21(int days, ScreeningTier? expected) =>
        Assert.Equal(expected, FlagRules.Silence(Day.AddDays(-days), Day.AddDays(-60), Day, new FlagSettings())?.Severity);

    [Fact]
    public void Silence_counts_from_the_start_when_nothing_was_ever_logged()
    {
        var flag = FlagRules.Silence(null, Day.AddDays(-3), Day, new FlagSettings());
        Assert.NotNull(flag);
        Assert.Contains("since the plan started", flag.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_easy_for_a_week_suggests_the_progression()
    {
        SessionLog[] easy = [Log(1, 1, 1, 2), Log(2, 0, 0, 1), Log(3, 1, 2, 2), Log(5, 0, 1, 2)];
        var flags = FlagRules.AfterSession(Log(0, 1, 1, 2), easy, new FlagSettings(), progression: "Prone T raise -> Prone Y raise");
        var flag = Assert.Single(flags, f => f.Kind == FlagKind.TooEasy);
        Assert.Contains("Prone Y raise", flag.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(FlagKind.TooEasy, Kinds(Log(0, 1, 1, 3), easy));          // one harder session
        Assert.DoesNotContain(FlagKind.TooEasy, Kinds(Log(0, 1, 1, 2), easy[..2]));     // too few sessions
    }

    [Fact]
    public void Too_hard_three_times_running_suggests_the_regression()
    {
        SessionLog[] hard = [Log(1, 3, 3, 9), Log(2, 2, 6, 5)];
        var flags = FlagRules.AfterSession(Log(0, 3, 4, 8), hard, new FlagSettings(), regression: "Prone T raise -> Prone T on the floor");
        Assert.Contains("Prone T on the floor", Assert.Single(flags, f => f.Kind == FlagKind.TooHard).Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(FlagKind.TooHard, Kinds(Log(0, 3, 4, 5), hard));
    }

    [Fact]
    public void Default_settings_are_valid_and_nonsense_is_refused()
    {
        Assert.Empty(new FlagSettings().Validate());
        Assert.Contains(new FlagSettings { CriticalPain = 11, SilenceStalledDays = 1 }.Validate(), e => e.Field == "criticalPain");
        Assert.Contains(new FlagSettings { SilenceStalledDays = 1 }.Validate(), e => e.Field == "silenceStalledDays");
    }
}
