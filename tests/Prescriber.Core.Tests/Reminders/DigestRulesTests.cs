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

}
