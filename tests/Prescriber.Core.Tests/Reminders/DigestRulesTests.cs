using Prescriber.Core.Programs;
using Prescriber.Core.Reminders;

namespace Prescriber.Core.Tests.Reminders;

public sealed class DigestRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("2026-11-23", 0)]
    [InlineData("2026-11-22", 1)]
    [InlineData("2026-11-21", 2)]
    [InlineData(null, 3)] // started 2026-11-21, never logged: 21, 22, 23 without a session
    public void Silence_counts_whole_days_without_a_session(string? last, int expected) =>
        Assert.Equal(expected, DigestRules.DaysSilent(Today, new DateOnly(2026, 11, 21), last is null ? null : DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Adherence_counts_scheduled_days_times_sessions_minus_pauses_and_caps_extra_sessions()
    {
        var sessions = new Dictionary<DateOnly, int> { [Today.AddDays(-1)] = 5, [Today.AddDays(-2)] = 1 };
        // Twice a day, every day, started long ago; two of the seven days paused.
        var (logged, prescribed) = DigestRules.Adherence(Today, 2, WeekDays.Every, Today.AddDays(-30), null, sessions, [(Today.AddDays(-7), Today.AddDays(-6))]);

        Assert.Equal(5 * 2, prescribed);
        Assert.Equal(2 + 1, logged);
    }
}
