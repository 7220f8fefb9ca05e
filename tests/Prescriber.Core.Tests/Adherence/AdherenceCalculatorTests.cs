using Prescriber.Core.Adherence;
using Prescriber.Core.Sessions;

namespace Prescriber.Core.Tests.Adherence;

/// <summary>
/// The adherence definition as a table (docs/adherence.md). Week of Monday 2 March 2026 unless
/// said; "now" is Monday 9 March noon UTC, so the whole week has ended. The scenario language is
/// described on <see cref="AdherenceScenario"/>.
/// </summary>
public sealed class AdherenceCalculatorTests
{
    private const string Week = "2026-03-02..2026-03-08";
    private const string Monday9 = "2026-03-09T12:00Z";

    [Theory]
    // The basics: one session a day, every day.
    [InlineData("all done", "2026-03-02 Every 1", "2026-03-02..2026-03-08 C", "", Week, Monday9, "UTC", "p=7 c=7 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("nothing logged is all missed", "2026-03-02 Every 1", "", "", Week, Monday9, "UTC", "p=7 c=0 pa=0 s=0 m=7 x=0 adh=0 dose=0 band=NonAdherent")]
    [InlineData("4 of 5 is exactly 80: adherent", "2026-03-02 Weekdays 1", "2026-03-02..2026-03-05 C", "", Week, Monday9, "UTC", "p=5 c=4 pa=0 s=0 m=1 x=0 adh=80 dose=80 band=Adherent")]
    [InlineData("only scheduled days are prescribed", "2026-03-02 Weekdays 1", "2026-03-02..2026-03-06 C", "", Week, Monday9, "UTC", "p=5 c=5 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("a log on an unscheduled day is extra, not credit", "2026-03-02 Monday+Wednesday+Friday 1", "2026-03-02..2026-03-04 C", "", Week, Monday9, "UTC", "p=3 c=2 pa=0 s=0 m=1 x=1 adh=66.7 dose=66.7 band=Partial")]
    // Partial credit is the mean dose fraction; completed needs every exercise at 80%.
    [InlineData("partial: one set of two counts 0.75", "2026-03-02 Every 1", "2026-03-02 P", "", "2026-03-02..2026-03-02", Monday9, "UTC", "p=1 c=0 pa=1 s=0 m=0 x=0 adh=75 dose=75 band=Partial")]
    [InlineData("partial: one exercise skipped counts 0.5", "2026-03-02 Every 1", "2026-03-02 H", "", "2026-03-02..2026-03-02", Monday9, "UTC", "p=1 c=0 pa=1 s=0 m=0 x=0 adh=50 dose=50 band=Partial")]
    [InlineData("90% of one exercise is still completed, dose says 95", "2026-03-02 Every 1", "2026-03-02 N", "", "2026-03-02..2026-03-02", Monday9, "UTC", "p=1 c=1 pa=0 s=0 m=0 x=0 adh=100 dose=95 band=Adherent")]
    [InlineData("skipped counts nothing but is not missed", "2026-03-02 Every 1", "2026-03-02 S", "", "2026-03-02..2026-03-02", Monday9, "UTC", "p=1 c=0 pa=0 s=1 m=0 x=0 adh=0 dose=0 band=NonAdherent")]
    [InlineData("a mixed week", "2026-03-02 Every 1", "2026-03-02..2026-03-04 C; 2026-03-05 P; 2026-03-06 H; 2026-03-07 S", "", Week, Monday9, "UTC", "p=7 c=3 pa=2 s=1 m=1 x=0 adh=60.7 dose=60.7 band=Partial")]
    // Two sessions a day, and extras capped at 100% a day.
    [InlineData("two a day, one done each day", "2026-03-02 Every 2", "2026-03-02..2026-03-08 C", "", Week, Monday9, "UTC", "p=14 c=7 pa=0 s=0 m=7 x=0 adh=50 dose=50 band=Partial")]
    [InlineData("two a day, both done", "2026-03-02 Every 2", "2026-03-02..2026-03-04 C; 2026-03-02..2026-03-04 C", "", "2026-03-02..2026-03-04", Monday9, "UTC", "p=6 c=6 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("a third session on a two-a-day is extra", "2026-03-02 Every 2", "2026-03-02 C; 2026-03-02 C; 2026-03-02 C", "", "2026-03-02..2026-03-02", Monday9, "UTC", "p=2 c=2 pa=0 s=0 m=0 x=1 adh=100 dose=100 band=Adherent")]
    [InlineData("two on one day do not make up a missed day", "2026-03-02 Every 1", "2026-03-02 C; 2026-03-02 C", "", "2026-03-02..2026-03-03", Monday9, "UTC", "p=2 c=1 pa=0 s=0 m=1 x=1 adh=50 dose=50 band=Partial")]
    [InlineData("the best log of the day counts", "2026-03-02 Every 1", "2026-03-02 S; 2026-03-02 C", "", "2026-03-02..2026-03-02", Monday9, "UTC", "p=1 c=1 pa=0 s=0 m=0 x=1 adh=100 dose=100 band=Adherent")]
    [InlineData("two a day: partial and skipped", "2026-03-02 Every 2", "2026-03-02 P; 2026-03-02 S", "", "2026-03-02..2026-03-02", Monday9, "UTC", "p=2 c=0 pa=1 s=1 m=0 x=0 adh=37.5 dose=37.5 band=NonAdherent")]
    // Pauses, start and end.
    [InlineData("paused days leave the count", "2026-03-02 Every 1", "2026-03-02..2026-03-03 C; 2026-03-06..2026-03-08 C", "2026-03-04..2026-03-05", Week, Monday9, "UTC", "p=5 c=5 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("an open pause lasts to the end of the window", "2026-03-02 Every 1", "2026-03-02..2026-03-05 C", "2026-03-06..", Week, Monday9, "UTC", "p=4 c=4 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("a log on a paused day is extra", "2026-03-02 Every 1", "2026-03-02 C", "2026-03-02..2026-03-02", "2026-03-02..2026-03-02", Monday9, "UTC", "p=0 c=0 pa=0 s=0 m=0 x=1 adh=- dose=- band=-")]
    [InlineData("nothing before the first version starts", "2026-03-04 Every 1", "2026-03-04..2026-03-08 C", "", Week, Monday9, "UTC", "p=5 c=5 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("nothing after the end date", "2026-03-02 Every 1 end=2026-03-05", "2026-03-02..2026-03-05 C", "", Week, Monday9, "UTC", "p=4 c=4 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    // Version changes mid-week.
    [InlineData("mid-week change to twice a day", "2026-03-02 Every 1; 2026-03-05 Every 2", "2026-03-02..2026-03-08 C", "", Week, Monday9, "UTC", "p=11 c=7 pa=0 s=0 m=4 x=0 adh=63.6 dose=63.6 band=Partial")]
    [InlineData("mid-week change of days", "2026-03-02 Every 1; 2026-03-05 Monday+Wednesday 1", "2026-03-02..2026-03-08 C", "", Week, Monday9, "UTC", "p=3 c=3 pa=0 s=0 m=0 x=4 adh=100 dose=100 band=Adherent")]
    [InlineData("a back-dated version rules from the day it was made", "2026-03-02 Every 1; 2026-03-02 Every 2 created=2026-03-05T10:00Z", "2026-03-02..2026-03-08 C", "", Week, Monday9, "UTC", "p=11 c=7 pa=0 s=0 m=4 x=0 adh=63.6 dose=63.6 band=Partial")]
    [InlineData("a future version waits for its start date", "2026-03-02 Every 1; 2026-03-07 Every 2 created=2026-03-03T10:00Z", "2026-03-02..2026-03-08 C", "", Week, Monday9, "UTC", "p=9 c=7 pa=0 s=0 m=2 x=0 adh=77.8 dose=77.8 band=Partial")]
    [InlineData("a log is judged against the version it names", "2026-03-02 Every 1; 2026-03-05 Every 1", "2026-03-05 P v1", "", "2026-03-05..2026-03-05", Monday9, "UTC", "p=1 c=0 pa=1 s=0 m=0 x=0 adh=75 dose=75 band=Partial")]
    // Today and the future.
    [InlineData("today is not counted before a log", "2026-03-02 Every 1", "2026-03-02..2026-03-08 C", "", "2026-03-02..2026-03-09", Monday9, "UTC", "p=7 c=7 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("today counts once logged", "2026-03-02 Every 1", "2026-03-02..2026-03-09 C", "", "2026-03-02..2026-03-09", Monday9, "UTC", "p=8 c=8 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("today, two a day, one logged: one counts", "2026-03-02 Every 2", "2026-03-09 C", "", "2026-03-09..2026-03-09", Monday9, "UTC", "p=1 c=1 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("days to come are not counted", "2026-03-02 Every 1", "2026-03-02..2026-03-08 C", "", "2026-03-02..2026-03-15", Monday9, "UTC", "p=7 c=7 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    // Late logs count for their own date.
    [InlineData("a late log counts for its own day", "2026-03-02 Every 1", "2026-03-02..2026-03-07 C; 2026-03-08 C at=2026-03-10T09:00Z", "", Week, "2026-03-10T12:00Z", "UTC", "p=7 c=7 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("a late log does not count for the day it was sent", "2026-03-02 Every 1", "2026-03-08 C at=2026-03-09T09:00Z", "", "2026-03-09..2026-03-09", "2026-03-10T12:00Z", "UTC", "p=1 c=0 pa=0 s=0 m=1 x=0 adh=0 dose=0 band=NonAdherent")]
    // The patient's day, in their own zone, across DST.
    [InlineData("New York at 22:00 on the 2nd: the day has not ended", "2026-03-02 Every 1", "", "", "2026-03-02..2026-03-02", "2026-03-03T03:00Z", "America/New_York", "p=0 c=0 pa=0 s=0 m=0 x=0 adh=- dose=- band=-")]
    [InlineData("New York just after midnight: missed", "2026-03-02 Every 1", "", "", "2026-03-02..2026-03-02", "2026-03-03T05:30Z", "America/New_York", "p=1 c=0 pa=0 s=0 m=1 x=0 adh=0 dose=0 band=NonAdherent")]
    [InlineData("Auckland's day ends before UTC's", "2026-03-02 Every 1", "", "", "2026-03-02..2026-03-02", "2026-03-02T12:00Z", "Pacific/Auckland", "p=1 c=0 pa=0 s=0 m=1 x=0 adh=0 dose=0 band=NonAdherent")]
    [InlineData("US spring-forward: the 23-hour day ends at local midnight (EDT)", "2026-03-02 Every 1", "2026-03-07..2026-03-08 C", "", "2026-03-07..2026-03-09", "2026-03-10T04:30Z", "America/New_York", "p=3 c=2 pa=0 s=0 m=1 x=0 adh=66.7 dose=66.7 band=Partial")]
    [InlineData("US spring-forward: 23:30 EDT is still the 9th", "2026-03-02 Every 1", "2026-03-07..2026-03-08 C", "", "2026-03-07..2026-03-09", "2026-03-10T03:30Z", "America/New_York", "p=2 c=2 pa=0 s=0 m=0 x=0 adh=100 dose=100 band=Adherent")]
    [InlineData("UK fall-back: the 25-hour day is one day, not ended at 23:30 GMT", "2026-10-01 Every 1", "", "", "2026-10-25..2026-10-25", "2026-10-25T23:30Z", "Europe/London", "p=0 c=0 pa=0 s=0 m=0 x=0 adh=- dose=- band=-")]
    [InlineData("UK fall-back: ended at 00:30 GMT", "2026-10-01 Every 1", "2026-10-24 C", "", "2026-10-24..2026-10-25", "2026-10-26T00:30Z", "Europe/London", "p=2 c=1 pa=0 s=0 m=1 x=0 adh=50 dose=50 band=Partial")]
    public void Adherence_follows_the_definition(string situation, string program, string logs, string pauses, string window, string now, string zone, string expected)
    {
        var report = AdherenceCalculator.Compute(AdherenceScenario.Parse(program, logs, pauses, window, now, zone));

        Assert.True(expected == AdherenceScenario.Totals(report), $"{situation}: expected {expected}, got {AdherenceScenario.Totals(report)}");
    }

    [Theory]
    [InlineData(100, AdherenceBand.Adherent)]
    [InlineData(80, AdherenceBand.Adherent)]
    [InlineData(79.99, AdherenceBand.Partial)]
    [InlineData(50, AdherenceBand.Partial)]
    [InlineData(49.99, AdherenceBand.NonAdherent)]
    [InlineData(0, AdherenceBand.NonAdherent)]
    public void Bands_are_80_and_50_without_rounding(double percent, AdherenceBand band) =>
        Assert.Equal(band, AdherenceCalculator.BandOf(percent));

    [Fact]
    public void Each_day_gets_one_state_for_the_heat_map()
    {
        var input = AdherenceScenario.Parse(
            "2026-03-02 Weekdays 1", "2026-03-02 C; 2026-03-03 P; 2026-03-04 S; 2026-03-09 C", "2026-03-06..2026-03-06", "2026-03-02..2026-03-10", Monday9, "UTC");

        var states = AdherenceCalculator.Compute(input).Days.Select(d => d.State).ToList();

        Assert.Equal(
            [DayState.Completed, DayState.Partial, DayState.Skipped, DayState.Missed, DayState.Paused, DayState.NotPrescribed, DayState.NotPrescribed, DayState.Completed, DayState.Pending],
            states);
    }

    [Fact]
    public void Skip_reasons_and_per_exercise_dose_are_counted()
    {
        var input = AdherenceScenario.Parse("2026-03-02 Every 1", "2026-03-02 S; 2026-03-03 H; 2026-03-04 P; 2026-03-05 C", "", "2026-03-02..2026-03-05", Monday9, "UTC");

        var report = AdherenceCalculator.Compute(input);

        Assert.Equal(new Dictionary<SkipReason, int> { [SkipReason.Pain] = 2, [SkipReason.NoTime] = 1 }, report.SkipReasons);
        var a = Assert.Single(report.Exercises, e => e.ExerciseId == AdherenceScenario.ExerciseA);
        var b = Assert.Single(report.Exercises, e => e.ExerciseId == AdherenceScenario.ExerciseB);
        Assert.Equal((4, 50.0), (a.Prescribed, a.DoseCompletion!.Value));
        Assert.Equal((4, 62.5), (b.Prescribed, b.DoseCompletion!.Value));
        Assert.Equal(new Dictionary<SkipReason, int> { [SkipReason.Pain] = 1, [SkipReason.NoTime] = 1 }, a.SkipReasons);
    }

    [Fact]
    public void A_skip_reason_in_a_log_that_does_not_count_is_still_reported()
    {
        // Monday: all skipped for pain in the morning, all done later (that one counts); Tuesday a
        // rest day with a log skipped for pain. Credit comes from the counted log alone.
        var input = AdherenceScenario.Parse(
            "2026-03-02 Monday+Wednesday 1", "2026-03-02 S at=2026-03-02T08:00Z; 2026-03-02 C at=2026-03-02T18:00Z; 2026-03-03 S", "", "2026-03-02..2026-03-03", "2026-03-04T09:00Z", "UTC");

        var report = AdherenceCalculator.Compute(input);

        Assert.Equal("p=1 c=1 pa=0 s=0 m=0 x=2 adh=100 dose=100 band=Adherent", AdherenceScenario.Totals(report));
        Assert.Equal(new Dictionary<SkipReason, int> { [SkipReason.Pain] = 4 }, report.SkipReasons);
        var a = Assert.Single(report.Exercises, e => e.ExerciseId == AdherenceScenario.ExerciseA);
        Assert.Equal((1, 100.0), (a.Prescribed, a.DoseCompletion!.Value));
        Assert.Equal(new Dictionary<SkipReason, int> { [SkipReason.Pain] = 2 }, a.SkipReasons);
    }

    [Fact]
    public void Two_sessions_that_did_the_same_work_tie_whatever_the_order_of_their_entries_and_the_earlier_counts()
    {
        // Three exercises of one set of 10: 1, 2 and 3 reps are fractions 0.1, 0.2 and 0.3, whose
        // sum is 0.6000000000000001 added in that order and 0.6 added the other way round.
        var version = new Core.Programs.ProgramVersion { Number = 1, StartDate = new DateOnly(2026, 3, 2), Days = Core.Programs.WeekDays.Every, TimesPerDay = 1 };
        var exercises = "ABC".Select((name, i) => new Core.Programs.PrescribedExercise
        {
            VersionId = version.Id, ExerciseId = Guid.NewGuid(), ExerciseName = name.ToString(), Order = i, Dosage = new Core.Library.Dosage { Sets = 1, Reps = 10 },
        }).ToList();
        version.Exercises = exercises;
        SessionLog Log(int hour, params (int Exercise, int Reps)[] entries) => new()
        {
            VersionId = version.Id,
            LocalDate = version.StartDate,
            LoggedAt = version.StartDate.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc),
            Status = SessionStatus.Partial,
            IdempotencyKey = $"at-{hour}",
            Entries = entries.Select(e => new SessionEntry { PrescribedExerciseId = exercises[e.Exercise].Id, Outcome = EntryOutcome.Partial, SetsDone = 1, RepsDone = e.Reps }).ToList(),
        };

        // The morning session did 3, 2 and 1 reps of A, B and C, the evening one 1, 2 and 3: the same
        // fractions, stored in orders that add up to different last bits.
        var morning = Log(8, (0, 3), (1, 2), (2, 1));
        var evening = Log(19, (0, 1), (1, 2), (2, 3));
        var report = AdherenceCalculator.Compute(new AdherenceInput
        {
            Versions = [version],
            Pauses = [],
            TimeZone = "UTC",
            Sessions = [evening, morning],
            From = version.StartDate,
            To = version.StartDate,
            Now = new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero),
        });

        // One slot: the earlier session fills it, so exercise A is credited its 3 reps.
        Assert.Equal((1, 1), (report.Partial, report.Extra));
        Assert.Equal(0.3, report.Exercises.Single(e => e.Name == "A").DoseCredit);
    }
}
