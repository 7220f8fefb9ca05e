using Prescriber.Core.Safety;

namespace Prescriber.Core.Tests.Safety;

public sealed class ScreeningTriggerTests
{
    [Theory]
    [InlineData(3, 7, null, true, ScreeningTier.Review)]
    [InlineData(0, 7, null, true, ScreeningTier.Review)]
    [InlineData(2, 4, null, true, ScreeningTier.Review)]
    [InlineData(5, 6, null, false, ScreeningTier.None)]
    [InlineData(6, 6, null, false, ScreeningTier.None)]
    [InlineData(null, 6, null, false, ScreeningTier.None)]
    [InlineData(4, 3, "no chest pain", false, ScreeningTier.None)]
    [InlineData(2, 2, "tingling in my hand", true, ScreeningTier.Urgent)]
    [InlineData(2, 2, "crushing chest pain", true, ScreeningTier.Urgent)]
    [InlineData(2, 2, "feeling very low lately", true, ScreeningTier.Review)]
    [InlineData(2, 2, "Hot and sweaty after but feel good.", false, ScreeningTier.None)]
    public void The_checklist_is_shown_for_high_pain_a_rise_or_worrying_words(int? before, int? after, string? note, bool needed, ScreeningTier baseline)
    {
        var trigger = ScreeningTrigger.Evaluate(before, after, note);

        Assert.Equal(needed, trigger.Needed);
        Assert.Equal(baseline, trigger.Baseline);
    }

    [Theory]
    [InlineData(new int[0], ScreeningTier.Review, ScreeningTier.Review)]
    [InlineData(new[] { 1 }, ScreeningTier.Review, ScreeningTier.Emergency)]
    [InlineData(new[] { 4 }, ScreeningTier.None, ScreeningTier.Emergency)]
    [InlineData(new[] { 5 }, ScreeningTier.Review, ScreeningTier.Urgent)]
    [InlineData(new[] { 10 }, ScreeningTier.None, ScreeningTier.Urgent)]
    [InlineData(new[] { 6, 2 }, ScreeningTier.Urgent, ScreeningTier.Emergency)]
    [InlineData(new int[0], ScreeningTier.Urgent, ScreeningTier.Urgent)]
    public void Any_yes_raises_the_tier_to_its_question(int[] yes, ScreeningTier baseline, ScreeningTier expected) =>
        Assert.Equal(expected, SafetyChecklist.Decide(yes.ToHashSet(), baseline));

    [Fact]
    public void Each_tier_tells_the_patient_what_to_do()
    {
        Assert.Contains("call emergency services", SafetyChecklist.MessageFor(ScreeningTier.Emergency), StringComparison.Ordinal);
        Assert.Contains("Do not drive yourself", SafetyChecklist.MessageFor(ScreeningTier.Emergency), StringComparison.Ordinal);
        Assert.Contains("contact your clinician today", SafetyChecklist.MessageFor(ScreeningTier.Urgent), StringComparison.Ordinal);
        Assert.Contains("Pause the exercise that hurts", SafetyChecklist.MessageFor(ScreeningTier.Review), StringComparison.Ordinal);
        Assert.Equal(10, SafetyChecklist.Questions.Count);
        Assert.Equal(4, SafetyChecklist.Questions.Count(q => q.TierIfYes == ScreeningTier.Emergency));
    }
}
