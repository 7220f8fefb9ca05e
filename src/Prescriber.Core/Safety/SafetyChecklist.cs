namespace Prescriber.Core.Safety;

/// <summary>
/// The yes/no questions a patient answers before a worrying log is final, and what each tier
/// tells them. Triage prompts, not a diagnosis: any yes reaches the clinician at once.
/// </summary>
public static class SafetyChecklist
{
    public static readonly IReadOnlyList<RedFlagQuestion> Questions =
    [
        new(1, "Do you have chest pain, pressure or tightness, or pain going into your arm or jaw?", ScreeningTier.Emergency),
        new(2, "Are you unusually short of breath, sweaty or sick to your stomach with it?", ScreeningTier.Emergency),
        new(3, "Do you have a sudden severe headache, dizziness, double vision, slurred speech or trouble swallowing?", ScreeningTier.Emergency),
        new(4, "Have you newly lost control of your bladder or bowel, or gone numb between your legs?", ScreeningTier.Emergency),
        new(5, "Do you have new numbness, tingling or weakness, clumsy hands, or unsteady walking?", ScreeningTier.Urgent),
        new(6, "Do you have a fever, chills or night sweats?", ScreeningTier.Urgent),
        new(7, "Does the pain wake you at night, or never ease whatever position you are in?", ScreeningTier.Urgent),
        new(8, "Have you had a fall or an injury?", ScreeningTier.Urgent),
        new(9, "Do you have cancer, osteoporosis or take long-term steroids, and your therapist does not know?", ScreeningTier.Urgent),
        new(10, "Have you lost weight without trying?", ScreeningTier.Urgent),
    ];

    /// <summary>The highest tier any yes reaches; <paramref name="baseline"/> is what the trigger alone warranted.</summary>
    public static ScreeningTier Decide(IReadOnlySet<int> yesAnswers, ScreeningTier baseline = ScreeningTier.None)
    {
        var fromAnswers = Questions.Where(q => yesAnswers.Contains(q.Number)).Select(q => q.TierIfYes).DefaultIfEmpty(ScreeningTier.None).Max();
        return fromAnswers > baseline ? fromAnswers : baseline;
    }

    /// <summary>Added to the patient's message when their note speaks of ending their life or self-harm.</summary>
    public const string CrisisLine = "If you are thinking about ending your life or harming yourself, please call emergency services now (911 in the US and Canada, 112 in Europe, 999 in the UK) or a crisis line where you live. You do not have to wait for your clinician.";

    /// <summary>
    /// What the patient must read before any question: the crisis line when their note speaks of
    /// ending their life or self-harm (a patient who closes the checklist half-way still saw it).
    /// </summary>
    public static string? AtOnce(string? note) =>
        NoteScreen.Screen(note).Any(m => m.Family == NoteScreen.SelfHarm) ? CrisisLine : null;

    /// <summary>The words the patient reads for each tier, with the crisis line when the note called for it.</summary>
    public static string MessageFor(ScreeningTier tier, string? note) =>
        AtOnce(note) is { } atOnce ? $"{MessageFor(tier)} {atOnce}" : MessageFor(tier);

    /// <summary>The words the patient reads for each tier.</summary>
    public static string MessageFor(ScreeningTier tier) => tier switch
    {
        ScreeningTier.Emergency => "Stop now and call emergency services (911 in the US and Canada, 112 in Europe, 999 in the UK). Do not drive yourself. Your clinician is being alerted too.",
        ScreeningTier.Urgent => "Stop these exercises and contact your clinician today. If it gets worse, call emergency services.",
        ScreeningTier.Review => "Pause the exercise that hurts. Your clinician will review your plan.",
        _ => "Thank you. Your session is saved.",
    };
}
