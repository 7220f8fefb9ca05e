using Prescriber.Core.Library;

namespace Prescriber.Core.Tests.Library;

public sealed class ExerciseRulesTests
{
    internal static Exercise Valid() => new()
    {
        Slug = "prone-t-raise",
        Name = "Prone T raise",
        BodyRegion = "Thoracic spine",
        Kind = ExerciseKind.Strengthening,
        Position = ExercisePosition.LyingFaceDown,
        Steps = ["Lie face down.", "Lift both arms out to the sides."],
        Dosage = new Dosage { Sets = 1, Reps = 10, HoldSeconds = 3 },
        Frequency = new Frequency { TimesPerDay = 1, DaysPerWeek = 4 },
        Levels =
        [
            new ExerciseLevel { Name = "Elbows bent", Instructions = "Bend the elbows." },
            new ExerciseLevel { Name = "Arms straight", Instructions = "Keep the arms long.", IsDefault = true },
        ],
        EstimatedMinutes = 2,
        SourceUrl = "https://example.org/video",
    };

    [Fact]
    public void A_complete_exercise_has_no_errors() => Assert.Empty(ExerciseRules.Validate(Valid()));

    public static TheoryData<string, Action<Exercise>> Breakages => new()
    {
        { "slug", e => e.Slug = "Prone T" },
        { "slug", e => e.Slug = "double--dash" },
        { "name", e => e.Name = " " },
        { "name", e => e.Name = new string('x', 121) },
        { "bodyRegion", e => e.BodyRegion = "" },
        { "kind", e => e.Kind = (ExerciseKind)42 },
        { "position", e => e.Position = (ExercisePosition)42 },
        { "steps", e => e.Steps = [] },
        { "steps[1]", e => e.Steps = ["Lie down.", "  "] },
        { "cautions[0]", e => e.Cautions = [new string('x', 601)] },
        { "equipment[0].name", e => e.Equipment = [new Equipment { Name = "" }] },
        { "dosage.sets", e => e.Dosage = e.Dosage with { Sets = 0 } },
        { "dosage.sets", e => e.Dosage = e.Dosage with { Sets = 21 } },
        { "dosage.reps", e => e.Dosage = e.Dosage with { Reps = 0 } },
        { "dosage.reps", e => e.Dosage = e.Dosage with { Reps = 101 } },
        { "dosage.holdSeconds", e => e.Dosage = e.Dosage with { HoldSeconds = -1 } },
        { "dosage.holdSeconds", e => e.Dosage = e.Dosage with { HoldSeconds = 601 } },
        { "dosage.restSeconds", e => e.Dosage = e.Dosage with { RestSeconds = 601 } },
        { "frequency.timesPerDay", e => e.Frequency = e.Frequency with { TimesPerDay = 0 } },
        { "frequency.timesPerDay", e => e.Frequency = e.Frequency with { TimesPerDay = 7 } },
        { "frequency.daysPerWeek", e => e.Frequency = e.Frequency with { DaysPerWeek = 8 } },
        { "estimatedMinutes", e => e.EstimatedMinutes = 0 },
        { "levels", e => e.Levels = [.. e.Levels.Select(l => l with { IsDefault = true })] },
        { "levels[0].instructions", e => e.Levels[0] = e.Levels[0] with { Instructions = "" } },
        { "levels[1].dosage.reps", e => e.Levels[1] = e.Levels[1] with { Dosage = new Dosage { Reps = 500 } } },
        { "easier[0]", e => e.EasierSlugs = ["prone-t-raise"] },
        { "harder[0]", e => e.HarderSlugs = ["Not A Slug"] },
        { "source.url", e => e.SourceUrl = "not a url" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Each_broken_rule_is_reported_against_its_field(string field, Action<Exercise> breakIt)
    {
        var exercise = Valid();
        breakIt(exercise);

        var errors = ExerciseRules.Validate(exercise);

        Assert.Contains(errors, e => e.Field == field);
    }

    [Theory]
    [InlineData(1, 1, 0, 0)]
    [InlineData(20, 100, 600, 600)]
    public void Dosage_limits_are_inclusive(int sets, int reps, int hold, int rest)
    {
        var exercise = Valid();
        exercise.Dosage = new Dosage { Sets = sets, Reps = reps, HoldSeconds = hold, RestSeconds = rest };

        Assert.Empty(ExerciseRules.Validate(exercise));
    }

    [Theory]
    [InlineData("Prone T raise", "prone-t-raise")]
    [InlineData("  Bird dog (all fours) ", "bird-dog-all-fours")]
    [InlineData("I/Y/T/W on a Swiss ball", "i-y-t-w-on-a-swiss-ball")]
    [InlineData("Étirement thoracique", "etirement-thoracique")]
    [InlineData("!!!", "")]
    public void Slugify_makes_lowercase_dashed_slugs(string name, string expected) =>
        Assert.Equal(expected, ExerciseRules.Slugify(name));

    [Theory]
    [InlineData("bird-dog", true)]
    [InlineData("t2", true)]
    [InlineData("-bird", false)]
    [InlineData("bird-", false)]
    [InlineData("Bird", false)]
    [InlineData("", false)]
    public void Slugs_are_checked(string slug, bool valid) => Assert.Equal(valid, ExerciseRules.IsValidSlug(slug));
}
