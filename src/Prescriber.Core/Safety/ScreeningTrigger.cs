namespace Prescriber.Core.Safety;

/// <summary>Why a log needs the checklist, and the tier the trigger alone warrants.</summary>
public sealed record ScreeningTrigger(IReadOnlyList<string> Reasons, IReadOnlyList<NoteMatch> Matches, ScreeningTier Baseline)
{
    public bool Needed => Reasons.Count > 0;

    public const int HighPain = 7;
    public const int PainRise = 2;

    /// <summary>Pain after at 7 or more, a rise of 2 or more, or a worrying note: the patient gets the checklist.</summary>
    public static ScreeningTrigger Evaluate(int? painBefore, int? painAfter, string? note)
    {
        var reasons = new List<string>();
        var baseline = ScreeningTier.None;
        if (painAfter >= HighPain)
        {
            reasons.Add($"pain after the session {painAfter}/10");
            baseline = ScreeningTier.Review;
        }

        if (painBefore is { } before && painAfter is { } after && after - before >= PainRise)
        {
            reasons.Add($"pain rose from {before} to {after}");
            baseline = ScreeningTier.Review;
        }

        var matches = NoteScreen.Screen(note);
        if (matches.Count > 0)
        {
            reasons.Add("the note mentions " + string.Join(", ", matches.Select(m => m.Family)));
            // Words alone reach the clinician as urgent at most; only the patient's own "yes" to a
            // checklist question tells them to call emergency services.
            var fromNote = NoteScreen.TierOf(matches) > ScreeningTier.Urgent ? ScreeningTier.Urgent : NoteScreen.TierOf(matches);
            baseline = fromNote > baseline ? fromNote : baseline;
        }

        return new ScreeningTrigger(reasons, matches, baseline);
    }
}
