using Prescriber.Core.Library;

namespace Prescriber.Core.Tests.Library;

public sealed class DosageTests
{
    [Theory]
    [InlineData(1, 3, 30, false, "3 times, hold 30 s")]
    [InlineData(2, 10, 0, false, "2 x 10 times")]
    [InlineData(1, 8, 3, true, "8 times, hold 3 s, each side")]
    [InlineData(1, 1, 45, false, "1 time, hold 45 s")]
    public void Dosage_reads_as_a_patient_would_say_it(int sets, int reps, int hold, bool perSide, string expected) =>
        Assert.Equal(expected, new Dosage { Sets = sets, Reps = reps, HoldSeconds = hold, PerSide = perSide }.ToString());

    [Fact]
    public void Active_time_counts_holds_sides_and_rests()
    {
        var dosage = new Dosage { Sets = 2, Reps = 8, HoldSeconds = 3, PerSide = true, RestSeconds = 30 };

        // 2 sets x 8 reps x 3 s x 2 sides + one rest between the two sets.
        Assert.Equal(2 * 8 * 3 * 2 + 30, dosage.ActiveSeconds());
    }

    [Theory]
    [InlineData(1, 7, "once a day, every day")]
    [InlineData(2, 7, "twice a day, every day")]
    [InlineData(3, 4, "3 times a day, 4 days a week")]
    public void Frequency_reads_plainly(int times, int days, string expected) =>
        Assert.Equal(expected, new Frequency { TimesPerDay = times, DaysPerWeek = days }.ToString());
}
